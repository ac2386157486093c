using System.Diagnostics;
using System.Text.Json;
using MagLearn.LoadGen;

namespace MagLearn.Soak;

public enum ConversationKind { Answer, Flow, DirectLine }

/// <summary>What one turn came to: how long the reply took, and what was wrong with it (null when nothing was).</summary>
public readonly record struct TurnOutcome(double Milliseconds, string? Error);

/// <summary>
/// One simulated person's conversation, over /api/messages or the local Direct Line. An answer conversation types
/// the sample's questions (repeated or never-seen, as the mix hands it turns); a flow conversation walks the flows
/// one after another (<see cref="FlowWalk"/>), so it is mid-walk most of the time and its state is read and written
/// on almost every turn. The pools hand a conversation to one turn at a time, so its turns never overlap.
/// </summary>
public sealed class SoakConversation(int serial, ConversationKind kind, IConversationClient client) : IAsyncDisposable
{
    /// <summary>The bot's reply when a turn throws (Bot/Wording/Replies.cs, SomethingWentWrong): never a right answer.</summary>
    private const string TurnFailed = "something went wrong on my side";

    private long answers;
    private string? lastReply;
    private int walks;
    private int step;

    public int Serial => serial;
    public ConversationKind Kind => kind;

    /// <summary>Questions typed so far (answer conversations).</summary>
    public long Answers => answers;

    /// <summary>Walks finished so far (flow conversations).</summary>
    public int Walks => walks;

    /// <summary>Somewhere inside a walk: the bot holds the flow's state and the next step depends on it.</summary>
    public bool MidWalk => step > 0;

    /// <summary>Flow conversations take the walks in turn, each starting where its serial says.</summary>
    private FlowWalk Walk => FlowWalk.All[(serial + walks) % FlowWalk.All.Count];

    /// <summary>A MAG user ID only this walk of this conversation types (letters and digits, an underscore, four digits).</summary>
    private string UserId => $"soak{serial}_{walks % 10_000:D4}";

    /// <summary>
    /// The next question, from <paramref name="questions"/> (which also says "cancel" when the last question opened
    /// a flow). An answer is right when the reply holds a message and is not the bot's error reply.
    /// </summary>
    public async Task<TurnOutcome> AnswerAsync(AnswerScenario questions)
    {
        var (text, _) = questions.Turn(serial, answers++, lastReply);
        var (reply, milliseconds) = await TimedTurnAsync(text);
        lastReply = reply;
        var problem = reply is null ? $"no reply ({client.Failure})"
            : !reply.Contains("{\"type\":\"message\"", StringComparison.Ordinal) ? "no message in the reply"
            : reply.Contains(TurnFailed, StringComparison.Ordinal) ? $"the bot's error reply: {Excerpt(reply)}"
            : null;
        return new TurnOutcome(milliseconds, problem is null ? null : $"{kind} conversation {serial}: \"{text}\": {problem}");
    }

    /// <summary>The walk's next step; after its last, the next walk begins.</summary>
    public async Task<TurnOutcome> NextStepAsync()
    {
        var walk = Walk;
        var (text, expect) = walk.Step(step, UserId);
        var (reply, milliseconds) = await TimedTurnAsync(text);
        var problem = reply is null ? $"no reply ({client.Failure})"
            : reply.Contains(expect, StringComparison.Ordinal) ? null
            : $"expected \"{expect}\", got \"{Excerpt(reply)}\"";
        var where = $"{kind} conversation {serial}, {walk.Name} walk step {step + 1}";
        step = (step + 1) % walk.Steps.Count;
        if (step == 0) walks++;
        return new TurnOutcome(milliseconds, problem is null ? null : $"{where}: \"{text}\": {problem}");
    }

    private async Task<(string? Reply, double Milliseconds)> TimedTurnAsync(string text)
    {
        var start = Stopwatch.GetTimestamp();
        var reply = await client.TurnAsync(text);
        return (reply, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>What the bot said, for a report: the texts of an /api/messages response, or the Direct Line message.</summary>
    private static string Excerpt(string reply)
    {
        var said = reply;
        if (reply.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(reply);
                said = string.Join(" | ", json.RootElement.GetProperty("activities").EnumerateArray()
                    .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).OfType<string>());
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
        }
        return said.Length <= 200 ? said : said[..200] + "...";
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
