using System.Net;

namespace MagLearn.Tests.Channels.WebChat;

/// <summary>What the host serves a browser: the chat page, the Web Chat bundle from npm, the widget, the sample portal page.</summary>
[Collection(ChannelsCollection.Name)]
public class WebChatPageTests(ChannelsHost host)
{
    private readonly HttpClient http = host.Http();

    [Fact]
    public async Task The_home_page_is_web_chat_for_mag_saying_it_is_an_automated_assistant()
    {
        var page = await http.GetStringAsync("/");

        Assert.Matches("<script nonce=\"[^\"]+\" src=\"/lib/webchat.js\"></script>", page);
        Assert.Contains("automated assistant, not a person", page);
        Assert.Contains("MagLearn Bot", page);
    }

    [Fact]
    public async Task The_web_chat_bundle_is_served_from_the_npm_package()
    {
        var response = await http.GetAsync("/lib/webchat.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1_000_000, "the full Web Chat bundle");
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_chat_page_may_be_framed_only_by_the_configured_portal_origins()
    {
        var response = await http.GetAsync("/");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var frameAncestors = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.Equal($"frame-ancestors 'self' {ChannelsHost.PortalOrigin} {host.PortalPageOrigin}", frameAncestors);
    }

    [Theory]
    [InlineData("/widget.js", "data-page")]
    [InlineData("/samples/portal-login.html", " src=\"/widget.js\" data-page=\"login\" async></script>")]
    [InlineData("/img/maglearn-bot.svg", "<svg")]
    public async Task The_widget_and_its_sample_page_are_served(string path, string expected)
    {
        Assert.Contains(expected, await http.GetStringAsync(path));
    }
}
