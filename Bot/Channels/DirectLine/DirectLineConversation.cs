using MagLearn.Bot.Hosting;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// One conversation of the local Direct Line: its transcript as clients read it (the user's echoes and the bot's
/// replies, each stored as its wire JSON when it is appended, so later changes to the object cannot leak in; kept
/// as UTF-8, half the memory of a string and the bytes clients are sent), the
/// watermark (the count of activities), a signal for streams waiting for the next activity, and a queue that
/// runs the bot's turns one after another in the order the activities were posted.
///
/// Only the latest activities are kept (<see cref="KeptActivities"/>): the history lives in memory for as long as
/// the conversation may be reopened, and a conversation that never ends must not grow without bound. A client
/// that reconnects with an older watermark gets what is still kept, as if it had asked from there.
/// </summary>
public sealed class DirectLineConversation
{
    /// <summary>At least this many of the latest activities are kept; older ones go a block at a time.</summary>
    public const int KeptActivities = 500;

    private const int DropBlock = 100;

    private readonly List<byte[]> log = [];

    /// <summary>How many of the oldest activities are no longer kept: the watermark is <c>dropped + log.Count</c>.</summary>
    private int dropped;

    private readonly Lock gate = new();
    private TaskCompletionSource changed = NewSignal();
    private Task turns = Task.CompletedTask;
    private int started;

    public DirectLineConversation(string id, string userId)
    {
        Id = id;
        UserId = userId;
        Touch();
    }

    public string Id { get; }

    /// <summary>The user bound to the conversation's tokens; user activities are always from this id.</summary>
    public string UserId { get; }

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>The socket streaming this conversation now; a new one takes over (Direct Line allows one).</summary>
    internal CancellationTokenSource? StreamSlot;

    /// <summary>True the first time only: the conversation starts (and the bot hears of it) once.</summary>
    public bool MarkStarted() => Interlocked.Exchange(ref started, 1) == 0;

    public void Touch() => LastUsed = DateTimeOffset.UtcNow;

    /// <summary>Completes when the next activity is appended.</summary>
    public Task Changed
    {
        get { lock (gate) return changed.Task; }
    }

    /// <summary>Gives the activity its id (<c>{conversation}|{sequence}</c>) and timestamp and appends it.</summary>
    public string Append(Activity activity)
    {
        TaskCompletionSource signal;
        string id;
        lock (gate)
        {
            id = activity.Id = $"{Id}|{dropped + log.Count + 1:D7}";
            activity.Timestamp = DateTimeOffset.UtcNow;
            log.Add(WireJson.SerializeToUtf8(activity));
            if (log.Count >= KeptActivities + DropBlock)
            {
                log.RemoveRange(0, DropBlock);
                dropped += DropBlock;
            }
            signal = changed;
            changed = NewSignal();
        }
        signal.TrySetResult();
        return id;
    }

    /// <summary>Replaces an activity the bot updated; clients that already read it keep their copy.</summary>
    public bool Replace(Activity activity)
    {
        lock (gate)
        {
            var index = IndexOf(activity.Id);
            if (index < 0) return false;
            log[index] = WireJson.SerializeToUtf8(activity);
            return true;
        }
    }

    /// <summary>Whether the transcript has an activity with this id.</summary>
    public bool Holds(string id)
    {
        lock (gate) return IndexOf(id) >= 0;
    }

    /// <summary>The activities after <paramref name="watermark"/> as UTF-8 wire JSON, and the watermark after them.</summary>
    public (IReadOnlyList<byte[]> Activities, int Watermark) After(int watermark)
    {
        lock (gate)
        {
            var from = Math.Clamp(watermark - dropped, 0, log.Count);
            return (log.GetRange(from, log.Count - from), dropped + log.Count);
        }
    }

    /// <summary>Runs <paramref name="turn"/> after every turn queued before it; a failed turn does not stop the queue.</summary>
    public Task Enqueue(Func<Task> turn)
    {
        lock (gate)
        {
            turns = turns.ContinueWith(_ => turn(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            return turns;
        }
    }

    private int IndexOf(string? id) =>
        id is not null && id.StartsWith(Id + "|", StringComparison.Ordinal) && int.TryParse(id.AsSpan(Id.Length + 1), out var n)
        && n > dropped && n <= dropped + log.Count
            ? n - dropped - 1
            : -1;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
