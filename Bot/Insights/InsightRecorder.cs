using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Privacy;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Insights;

/// <summary>
/// Notes what happens in conversations for the insights: each routed message, each "Did this help?", each step of
/// each flow and each hand-off. A question is kept only redacted, a conversation only as an opaque key. Writing is
/// not waited for: a turn never slows for its insights, and a store that fails costs a log line, not the turn.
/// </summary>
public sealed partial class InsightRecorder(IInsightStore store, IOptions<InsightsOptions> options, TimeProvider clock, KnowledgeBase knowledge,
    ILogger<InsightRecorder> logger)
{
    private readonly ConcurrentDictionary<Task, byte> writing = new();

    /// <summary>The time events are stamped with while a history is replayed (see <see cref="Backdated"/>).</summary>
    private static readonly AsyncLocal<DateTimeOffset?> replayedAt = new();

    /// <summary>
    /// Stamps what the turns run inside the returned scope record with <paramref name="at"/> instead of now: how a
    /// seeded history lays a month of traffic through the real bot. Scoped to the calling flow of work, so live
    /// turns beside it keep their own time.
    /// </summary>
    public static IDisposable Backdated(DateTimeOffset at)
    {
        replayedAt.Value = at;
        return new EndOfReplay();
    }

    private sealed class EndOfReplay : IDisposable
    {
        public void Dispose() => replayedAt.Value = null;
    }

    /// <summary>Completes when every event recorded so far is stored (for a command that must not exit before).</summary>
    public Task WrittenAsync() => Task.WhenAll(writing.Keys);

    /// <summary>A message routed outside a flow.</summary>
    public void Routed(string? channel, string? conversation, string question, AskResult result, double latencyMs)
    {
        if (!options.Value.Enabled) return;
        var top = result.Answers.Count > 0 ? result.Answers[0] : null;
        var route = result switch
        {
            { SmallTalk: not SmallTalk.None } => "smalltalk",
            { Route: AskRoute.Dialog, Dialog: FlowCatalog.HandoffFlowId } => "person",
            _ => result.Route.ToString().ToLowerInvariant(),
        };
        Record([Event(InsightKind.Turn, channel, conversation) with
        {
            Route = route,
            Question = SecretRedactor.Redact(question),
            Confidence = Math.Round(result.Confidence, 4),
            Page = result.Route == AskRoute.Answer ? top?.Page : null,
            Section = result.Route == AskRoute.Answer ? top?.Section : null,
            Flow = result.Dialog,
            IndexVersion = IndexVersion,
            LatencyMs = Math.Round(latencyMs, 2),
        }]);
    }

    /// <summary>"Did this help?" answered for a passage, with what is known of the answer rated.</summary>
    public void Rated(string? channel, string? conversation, string page, string section, bool helpful, RatedAnswer? answer) =>
        Record([Event(InsightKind.Feedback, channel, conversation) with
        {
            Route = "answer",
            Page = page,
            Section = section,
            Helpful = helpful,
            Question = answer?.Question is null ? null : SecretRedactor.Redact(answer.Question),
            Confidence = answer?.Confidence,
            IndexVersion = answer?.IndexVersion,
        }]);

    /// <summary>What a turn did in the flows, and the hand-off it made, if it made one.</summary>
    public void Flows(string? channel, string? conversation, IReadOnlyList<FlowEvent> events, MagLearn.Bot.Flows.Handoff.CaseSummary? handoff)
    {
        var recorded = new List<InsightEvent>(events.Count + 1);
        foreach (var e in events)
        {
            recorded.Add(e switch
            {
                FlowBegun begun => Event(InsightKind.FlowStarted, channel, conversation) with { Flow = begun.Flow },
                StepRun step => Event(InsightKind.FlowStep, channel, conversation) with { Flow = step.Flow, Step = step.Step },
                ResolutionRated { Solved: true } rated => Event(InsightKind.FlowCompleted, channel, conversation) with { Flow = rated.Flow, Step = rated.Step },
                ResolutionRated rated => Event(InsightKind.Feedback, channel, conversation) with { Flow = rated.Flow, Step = rated.Step, Helpful = false },
                FlowCancelled cancelled => Event(InsightKind.FlowAbandoned, channel, conversation) with { Flow = cancelled.Flow },
                _ => throw new ArgumentOutOfRangeException(nameof(events), e.GetType().Name, "no insight for this flow event"),
            });
            if (e is ResolutionRated { Solved: true } solved)
                recorded.Add(Event(InsightKind.Feedback, channel, conversation) with { Flow = solved.Flow, Step = solved.Step, Helpful = true });
        }
        if (handoff is not null)
            recorded.Add(Event(InsightKind.Handoff, channel, conversation) with
            {
                Flow = handoff.Flow,
                Reason = handoff.Reason,
                Summary = SecretRedactor.Redact(handoff.ToMarkdown()),
            });
        Record(recorded);
    }

    /// <summary>The version of the content index decisions are made on now.</summary>
    public string? IndexVersion => knowledge.IsLoaded ? knowledge.Current.Index.Version : null;

    private InsightEvent Event(InsightKind kind, string? channel, string? conversation) =>
        new() { Time = replayedAt.Value ?? clock.GetUtcNow(), Kind = kind, Conversation = KeyOf(channel, conversation), Channel = channel };

    /// <summary>An opaque key for a conversation: its id never leaves the state store.</summary>
    internal static string KeyOf(string? channel, string? conversation) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}\u0000{conversation}")))[..16];

    private void Record(IReadOnlyList<InsightEvent> events)
    {
        if (events.Count == 0 || !options.Value.Enabled) return;
        var write = WriteAsync(events);
        writing.TryAdd(write, 0);
        _ = write.ContinueWith(done => writing.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task WriteAsync(IReadOnlyList<InsightEvent> events)
    {
        try
        {
            await store.AddAsync(events);
        }
        catch (Exception e)
        {
            WriteFailed(e, events.Count);
        }
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Could not keep {Count} insight events")]
    private partial void WriteFailed(Exception exception, int count);
}

/// <summary>What is known of an answer when it is rated: the question it answered, how sure the router was, on which content.</summary>
public sealed record RatedAnswer(string? Question, double? Confidence, string? IndexVersion);
