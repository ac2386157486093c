using System.Net;
using MagLearn.Tests.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Hosting;

/// <summary>Per-turn metrics for Prometheus: off unless asked for, and when on, each turn counted by route.</summary>
public class MetricsTests
{
    [Fact]
    public async Task Metrics_are_not_served_unless_turned_on()
    {
        using var host = StoredHost.With(("Storage:Kind", "Memory"));

        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Turned_on_each_turn_is_counted_by_route_with_its_latency_and_confidence()
    {
        using var host = StoredHost.With(("Storage:Kind", "Memory"), ("Telemetry:Metrics", "true"));
        var bot = host.Services.GetRequiredService<IBot>();
        await new TestFlow(new TestAdapter(TestAdapter.CreateConversation("metrics")), bot.OnTurnAsync)
            .Send("how do I pay an invoice?").AssertReply(_ => { })
            .Send("who won the football game last night?").AssertReply(_ => { })
            .StartTestAsync();

        var metrics = await host.CreateClient().GetStringAsync("/metrics");

        // At least one: OpenTelemetry listens to every meter of that name in the process, and the test process runs
        // other hosts' turns beside this one (a bot process has one host).
        Assert.Matches(@"maglearn_turns_total\{[^}]*route=""answer""[^}]*\} [1-9]\d*\b", metrics);
        Assert.Matches(@"maglearn_turns_total\{[^}]*route=""fallback""[^}]*\} [1-9]\d*\b", metrics);
        Assert.Contains("maglearn_turn_duration", metrics);
        Assert.Contains("maglearn_route_confidence", metrics);
        Assert.Contains("channel=\"test\"", metrics);
    }
}
