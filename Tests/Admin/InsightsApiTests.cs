using System.Net;
using MagLearn.Bot.Insights;
using MagLearn.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Admin;

/// <summary>The insights API and the admin sign-in as a script and a browser meet them, over real HTTP.</summary>
public sealed class InsightsApiTests : IDisposable
{
    private const string Key = "insights-test-key-0123456789";
    private const string Period = "from=2026-11-02&to=2026-11-04";

    private readonly StoredHost host = StoredHost.With(("Storage:Kind", "Memory"), ("Admin:ApiKey", Key));

    public InsightsApiTests()
    {
        var day = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        host.Services.GetRequiredService<IInsightStore>().AddAsync(
        [
            new InsightEvent { Time = day, Kind = InsightKind.Turn, Conversation = "a", Route = "answer", Question = "how do I pay an invoice", Page = "billing-support" },
            new InsightEvent { Time = day, Kind = InsightKind.Turn, Conversation = "b", Route = "fallback", Question = "=HYPERLINK(\"http://evil.example\",\"click\")" },
            new InsightEvent { Time = day.AddDays(1), Kind = InsightKind.FlowStarted, Conversation = "c", Flow = "login-assistance" },
            new InsightEvent { Time = day.AddDays(1), Kind = InsightKind.FlowStep, Conversation = "c", Flow = "login-assistance", Step = "what-is-happening" },
        ]).GetAwaiter().GetResult();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? key = Key, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await host.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("/admin/api/insights")]
    [InlineData("/admin/api/insights/days.csv")]
    [InlineData("/admin/api/dialogs")]
    public async Task Without_the_key_or_with_a_wrong_one_every_insights_route_is_refused(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(path, key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(path, key: "insights-test-key-0123456780")).StatusCode);
    }

    [Fact]
    public async Task The_report_covers_each_day_of_the_period_asked_for()
    {
        var response = await GetAsync($"/admin/api/insights?{Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var report = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["2026-11-02", "2026-11-03", "2026-11-04"], report["days"]!.Select(d => (string)d["day"]!));
        Assert.Equal(2, (int)report["days"]![0]!["questions"]!);
        Assert.Equal(1, (int)report["funnels"]!.Single(f => (string)f["flow"]! == "login-assistance")["started"]!);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-13-01")]
    [InlineData("from=2024-01-01&to=2026-01-01")]
    public async Task A_period_that_is_not_days_or_spans_more_than_a_year_is_a_400_that_says_so(string query)
    {
        var response = await GetAsync($"/admin/api/insights?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yyyy-MM-dd", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_table_downloads_as_csv_and_a_question_a_spreadsheet_would_run_is_defused()
    {
        foreach (var table in InsightsCsvTables)
        {
            var response = await GetAsync($"/admin/api/insights/{table}.csv?{Period}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"maglearn-{table}-2026-11-02-2026-11-04.csv", response.Content.Headers.ContentDisposition?.ToString());
        }
        var top = await (await GetAsync($"/admin/api/insights/top-questions.csv?{Period}")).Content.ReadAsStringAsync();
        Assert.StartsWith("question,count,route,target\r\n", top);
        Assert.Contains("\"'=hyperlink(", top);
        Assert.DoesNotContain("\n=", top);
    }

    private static readonly string[] InsightsCsvTables = ["days", "top-questions", "unanswered", "unhelpful", "funnels", "handoffs"];

    [Fact]
    public async Task An_unknown_table_is_a_404_that_names_the_tables_there_are()
    {
        var response = await GetAsync("/admin/api/insights/secrets.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("top-questions", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_flow_comes_as_a_mermaid_flowchart_with_the_steps_reached()
    {
        var flows = JArray.Parse(await (await GetAsync($"/admin/api/dialogs?{Period}")).Content.ReadAsStringAsync());

        var login = flows.Single(f => (string)f["id"]! == "login-assistance");
        var diagram = (string)login["mermaid"]!;
        Assert.StartsWith("flowchart TD\n", diagram);
        Assert.Contains("s_what_is_happening[\"What is happening when you try to log in?<br/><b>1</b> reached\"]", diagram);
        Assert.Contains("s_what_is_happening -->|\"I forgot my password\"| s_password_company_login", diagram);
        Assert.Equal("dialogs/login-assistance.yaml", (string)login["file"]!);
        Assert.Equal(5, flows.Count);
    }

    [Fact]
    public async Task Signing_in_with_the_key_sets_a_secure_httponly_strict_cookie_that_opens_the_api()
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = Key, ["return"] = "/admin/dialogs" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/dialogs", response.Headers.Location?.ToString());
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("path=/admin", setCookie);
        Assert.Contains("secure", setCookie);
        Assert.Contains("httponly", setCookie);
        Assert.Contains("samesite=strict", setCookie);
        Assert.DoesNotContain(Key, setCookie);
        var cookie = setCookie.Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/admin/api/insights", key: null, cookie: cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/admin", key: null, cookie: cookie)).StatusCode);
        var forged = cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1];
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/admin/api/insights", key: null, cookie: forged)).StatusCode);
        var forever = "maglearn-admin=99999999999" + cookie[cookie.IndexOf('.')..];
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/admin/api/insights", key: null, cookie: forever)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_at_sign_in_sets_no_cookie_and_the_form_says_why()
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "guess" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("not the admin key", await response.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    public void Dispose() => host.Dispose();
}
