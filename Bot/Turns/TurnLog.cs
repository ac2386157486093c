using MagLearn.Bot.Telemetry;
using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Turns;

/// <summary>
/// One structured line per turn: what was decided and how fast, never what the user typed (their words can hold
/// secrets and personal data; the route, page and confidence are what insight and speed work need).
/// </summary>
public sealed partial class TurnLog
{
    private readonly ILogger<TurnLog> logger;
    private readonly TurnMetrics metrics;

    public TurnLog(ILogger<TurnLog> logger, TurnMetrics metrics)
    {
        this.logger = logger;
        this.metrics = metrics;
    }

    public void Answered(string? channel, AskResult result, double milliseconds)
    {
        var top = result.Answers.Count > 0 ? result.Answers[0] : null;
        var route = result.Route.ToString().ToLowerInvariant();
        Turn(channel, route, result.Dialog, top?.Page, top?.Section,
            result.Confidence, result.SmallTalk == SmallTalk.None ? null : result.SmallTalk.ToString().ToLowerInvariant(), milliseconds);
        metrics.Turn(channel, route, result.Confidence, milliseconds);
    }

    public void Other(string? channel, string route, string? flow, string? page, string? section, double milliseconds)
    {
        Turn(channel, route, flow, page, section, 0, null, milliseconds);
        metrics.Turn(channel, route, null, milliseconds);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "turn channel={Channel} route={Route} flow={Flow} page={Page} section={Section} confidence={Confidence:0.000} smalltalk={SmallTalk} latencyMs={LatencyMs:0.00}")]
    private partial void Turn(string? channel, string route, string? flow, string? page, string? section, double confidence, string? smallTalk, double latencyMs);
}
