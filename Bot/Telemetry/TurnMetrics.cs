using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MagLearn.Bot.Telemetry;

/// <summary>
/// Per-turn measures on the "MagLearn.Bot" meter: turns by route and channel, their latency and the router's
/// confidence. Recorded always (an instrument nobody listens to costs a check); exported on /metrics only when
/// <see cref="TelemetryOptions.Metrics"/> is on.
/// </summary>
public sealed class TurnMetrics
{
    public const string MeterName = "MagLearn.Bot";

    /// <summary>Channels named as themselves; any other id a caller sends is "other", so no caller can grow the series.</summary>
    private static readonly HashSet<string> KnownChannels = ["webchat", "directline", "msteams", "emulator", "test"];

    private readonly Counter<long> turns;
    private readonly Histogram<double> latency;
    private readonly Histogram<double> confidence;

    public TurnMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        turns = meter.CreateCounter<long>("maglearn.turns", unit: "{turn}", description: "Turns handled, by route and channel");
        latency = meter.CreateHistogram<double>("maglearn.turn.duration", unit: "ms", description: "Time to decide and answer a turn",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000] });
        confidence = meter.CreateHistogram<double>("maglearn.route.confidence", unit: "1", description: "The router's confidence in the route it took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1] });
    }

    /// <param name="confidence">The router's confidence, or null for a turn the router did not decide (a flow's step).</param>
    public void Turn(string? channel, string route, double? confidence, double milliseconds)
    {
        var tags = new TagList { { "route", route }, { "channel", channel is not null && KnownChannels.Contains(channel) ? channel : "other" } };
        turns.Add(1, tags);
        latency.Record(milliseconds, tags);
        if (confidence is { } c) this.confidence.Record(c, tags);
    }
}
