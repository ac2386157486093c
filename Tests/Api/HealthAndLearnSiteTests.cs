using System.Net;
using AngleSharp.Html.Parser;

namespace MagLearn.Tests.Api;

/// <summary>The host is healthy once loaded, and every answer's "Read more" link opens a real page section.</summary>
[Collection(HostCollection.Name)]
public class HealthAndLearnSiteTests(MagLearnHost host)
{
    private readonly HttpClient client = host.CreateClient();

    [Fact]
    public async Task Healthz_answers_200_once_the_index_is_loaded()
    {
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("what payment methods are accepted for invoices")]
    [InlineData("I forgot my password")]
    [InlineData("how long is the administrator training")]
    [InlineData("how do I change our company name")]
    [InlineData("what is an otp")]
    public async Task Each_answer_url_opens_a_page_with_an_anchor_for_its_section(string question)
    {
        var answers = (await (await client.GetAsk(question, "5")).OkJson()).GetProperty("answers").EnumerateArray().ToList();
        Assert.NotEmpty(answers);

        foreach (var url in answers.Select(a => a.GetProperty("url").GetString()!))
        {
            var (path, section) = (url.Split('#')[0], url.Split('#')[1]);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.True(page.GetElementById(section) is not null, $"{path} has no element with id '{section}'");
        }
    }

    [Fact]
    public async Task An_unknown_learn_page_is_404()
    {
        var response = await client.GetAsync("/learn/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_learn_index_links_every_page()
    {
        var index = new HtmlParser().ParseDocument(await client.GetStringAsync("/learn"));
        var links = index.QuerySelectorAll("a[href^='/learn/']").Select(a => a.GetAttribute("href")).ToHashSet();

        Assert.Contains("/learn/billing-support", links);
        Assert.Equal(16, links.Count);
    }
}
