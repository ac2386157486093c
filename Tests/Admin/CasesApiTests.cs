using System.Net;
using MagLearn.Bot.Cases;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Admin;

/// <summary>The cases handed to support as support staff read them, over real HTTP behind the admin key.</summary>
public sealed class CasesApiTests : IDisposable
{
    private const string Key = "cases-test-key-0123456789abcdef";

    private readonly StoredHost host = StoredHost.With(("Storage:Kind", "Memory"), ("Admin:ApiKey", Key));

    public CasesApiTests()
    {
        var store = host.Services.GetRequiredService<ICaseStore>();
        foreach (var (reference, at) in new[]
        {
            ("MAG-AAAA-BBBB-0001", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)),
            ("MAG-AAAA-BBBB-0002", new DateTimeOffset(2026, 11, 4, 23, 59, 0, TimeSpan.Zero)),
            ("MAG-AAAA-BBBB-0003", new DateTimeOffset(2026, 11, 5, 0, 0, 0, TimeSpan.Zero)),
        })
        {
            var summary = new CaseSummary { Reference = reference, Flow = "change-request", FlowTitle = "Change a user or company detail", Reason = "The fix did not solve it", Created = at };
            store.AddOnceAsync(new CaseRecord(reference, "webchat", "conv-" + reference[^1], summary, at)).GetAwaiter().GetResult();
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await host.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_period_lists_the_cases_recorded_on_its_days_both_ends_included()
    {
        var response = await GetAsync("/admin/api/cases?from=2026-11-02&to=2026-11-04");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var cases = JArray.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["MAG-AAAA-BBBB-0001", "MAG-AAAA-BBBB-0002"], cases.Select(c => (string)c["reference"]!));
        Assert.Equal("change-request", (string)cases[0]!["summary"]!["flow"]!);
        Assert.Equal("conv-1", (string)cases[0]!["conversation"]!);
    }

    [Fact]
    public async Task A_reference_read_out_on_the_phone_finds_its_case_in_any_case_of_letters()
    {
        var found = await GetAsync("/admin/api/cases/mag-aaaa-bbbb-0003");
        var missing = await GetAsync("/admin/api/cases/MAG-ZZZZ-ZZZZ-ZZZZ");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("MAG-AAAA-BBBB-0003", (string)JObject.Parse(await found.Content.ReadAsStringAsync())["reference"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("/admin/api/cases")]
    [InlineData("/admin/api/cases/MAG-AAAA-BBBB-0001")]
    public async Task Without_the_key_no_case_is_shown(string path) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(path, key: null)).StatusCode);

    [Fact]
    public async Task A_period_that_is_not_days_is_refused_with_the_reason() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/admin/api/cases?from=yesterday")).StatusCode);

    public void Dispose() => host.Dispose();
}
