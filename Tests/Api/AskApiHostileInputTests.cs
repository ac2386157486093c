using System.Net;
using MagLearn.Tests.Knowledge.Search;

namespace MagLearn.Tests.Api;

/// <summary>The hostile-input battery over HTTP: never a 500; 400 for no question or too long a one, else 200.</summary>
[Collection(HostCollection.Name)]
public class AskApiHostileInputTests(MagLearnHost host)
{
    private readonly HttpClient client = host.CreateClient();

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async Task Hostile_input_over_GET_gets_200_or_a_json_400(string input)
    {
        await AssertHandled(input, await client.GetAsk(HostileInputs.Text(input)));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async Task Hostile_input_over_POST_gets_200_or_a_json_400(string input)
    {
        await AssertHandled(input, await client.PostAsk(HostileInputs.Text(input)));
    }

    private static async Task AssertHandled(string input, HttpResponseMessage response)
    {
        Assert.Equal((HttpStatusCode)HostileInputs.ExpectedStatus(input), response.StatusCode);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await response.AssertBadRequestWithError();
            return;
        }
        var body = await response.OkJson();
        Assert.Contains(body.GetProperty("route").GetString(), new[] { "answer", "dialog", "fallback" });
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.All(body.GetProperty("answers").EnumerateArray(), a => Assert.InRange(a.GetProperty("score").GetDouble(), 0, 1));
    }
}

/// <summary>
/// The battery's log, on a host of its own: the shared host's log holds every other test's lines, and an error one
/// of them caused is not this battery's.
/// </summary>
public class AskApiHostileInputLogTests(AskApiHostileInputLogTests.OwnHost host) : IClassFixture<AskApiHostileInputLogTests.OwnHost>
{
    public sealed class OwnHost : MagLearnHost;

    [Fact]
    public async Task The_battery_leaves_no_error_in_the_log()
    {
        var client = host.CreateClient();
        foreach (var input in HostileInputs.AllNames)
        {
            await client.GetAsk(HostileInputs.Text(input));
            await client.PostAsk(HostileInputs.Text(input));
        }

        Assert.Empty(host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error || e.Exception is not null)
            .Select(e => $"{e.Category}: {e.Message}"));
    }
}
