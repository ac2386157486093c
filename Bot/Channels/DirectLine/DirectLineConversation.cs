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
/// Only the latest activities are kept (<see cref="KeptActivities"/>, and no more than a number of bytes): the
/// history lives in memory for as long as the conversation may be reopened, and a conversation must not grow
/// without bound, whether it runs long or is sent large activities. A client that reconnects with an older
/// watermark gets what is still kept, as if it had asked from there. Likewise the turns waiting to run are
/// bounded: a client posting faster than the bot answers is told to wait, not queued without end.
/// </summary>
public sealed class DirectLineConversation
{
    /// <summary>At least this many of the latest activities are kept; older ones go a block at a time.</summary>
    public const int KeptActivities = 500;

    private const int DropBlock = 100;

    /// <summary>Posts whose client ids are remembered, so that a retry is known for what it is.</summary>
    public const int RememberedPosts = 256;

    private readonly Dictionary<string, string> postedByClient = new(StringComparer.Ordinal);
    private readonly Queue<string> postedOrder = new();

    private readonly List<byte[]> log = [];
    private readonly long maxKeptBytes;
    private long keptBytes;
    private int pendingTurns;

    /// <summary>How many of the oldest activities are no longer kept: the watermark is <c>dropped + log.Count</c>.</summary>
    private int dropped;

    private readonly Lock gate = new();
    private TaskCompletionSource changed = NewSignal();
    private Task turns = Task.CompletedTask;
    private int started;

    private readonly TimeProvider clock;

    public DirectLineConversation(string id, string userId, TimeProvider? clock = null, long maxKeptBytes = long.MaxValue)
    {
        Id = id;
        UserId = userId;
        this.clock = clock ?? TimeProvider.System;
        Started = LastUsed = this.clock.GetUtcNow();
        this.maxKeptBytes = maxKeptBytes;
    }

    public string Id { get; }

    /// <summary>The user bound to the conversation's tokens; user activities are always from this id.</summary>
    public string UserId { get; }

    /// <summary>When the conversation was created: its longest life counts from here.</summary>
    public DateTimeOffset Started { get; }

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>The socket streaming this conversation now; a new one takes over (Direct Line allows one).</summary>
    internal CancellationTokenSource? StreamSlot;

    /// <summary>True the first time only: the conversation starts (and the bot hears of it) once.</summary>
    public bool MarkStarted() => Interlocked.Exchange(ref started, 1) == 0;

    public void Touch() => LastUsed = clock.GetUtcNow();

    /// <summary>Completes when the next activity is appended.</summary>
    public Task Changed
    {
        get { lock (gate) return changed.Task; }
    }

    /// <summary>The bytes of wire JSON the conversation keeps now.</summary>
    public long KeptBytes
    {
        get { lock (gate) return keptBytes; }
    }

    /// <summary>Gives the activity its id (<c>{conversation}|{sequence}</c>) and timestamp and appends it.</summary>
    public string Append(Activity activity)
    {
        TaskCompletionSource signal;
        string id;
        lock (gate) (id, signal) = AppendHeld(activity);
        signal.TrySetResult();
        return id;
    }

    /// <summary>Appends with the gate held; the caller completes the returned signal once it has let go.</summary>
    private (string Id, TaskCompletionSource Signal) AppendHeld(Activity activity)
    {
        var id = activity.Id = $"{Id}|{dropped + log.Count + 1:D7}";
        activity.Timestamp = clock.GetUtcNow();
        var wire = WireJson.SerializeToUtf8(activity);
        log.Add(wire);
        keptBytes += wire.Length;
        DropOldest();
        var signal = changed;
        changed = NewSignal();
        return (id, signal);
    }

    /// <summary>Replaces an activity the bot updated; clients that already read it keep their copy.</summary>
    public bool Replace(Activity activity)
    {
        lock (gate)
        {
            var index = IndexOf(activity.Id);
            if (index < 0) return false;
            var wire = WireJson.SerializeToUtf8(activity);
            keptBytes += wire.Length - log[index].Length;
            log[index] = wire;
            DropOldest();
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

    /// <summary>
    /// A client's post: kept (its echo appended, the id given) and its turn queued, unless
    /// <paramref name="maxPending"/> posted turns are already waiting or running (<see cref="PostOutcome.Full"/>:
    /// nothing is kept), or the client already posted it (<see cref="PostOutcome.Repeated"/>: the id it got then,
    /// and no second turn). Clients retry a post whose answer they did not get with the same
    /// <c>clientActivityID</c>; the latest <see cref="RememberedPosts"/> are known.
    /// </summary>
    /// <param name="turn">Runs the turn of the activity as kept (a copy: the kept one does not change).</param>
    public (PostOutcome Outcome, string? Id) Post(Activity activity, string? clientActivityId, int maxPending, Func<Activity, Task> turn)
    {
        string id;
        TaskCompletionSource signal;
        lock (gate)
        {
            if (clientActivityId is not null && postedByClient.TryGetValue(clientActivityId, out var earlier)) return (PostOutcome.Repeated, earlier);
            if (pendingTurns >= maxPending) return (PostOutcome.Full, null);
            (id, signal) = AppendHeld(activity);
            pendingTurns++;
            if (clientActivityId is not null) Remember(clientActivityId, id);
        }
        signal.TrySetResult();
        var forBot = WireJson.Deserialize<Activity>(WireJson.Serialize(activity))!;
        Enqueue(async () =>
        {
            try { await turn(forBot); }
            finally { lock (gate) pendingTurns--; }
        });
        return (PostOutcome.Queued, id);
    }

    private void Remember(string clientActivityId, string id)
    {
        postedByClient[clientActivityId] = id;
        postedOrder.Enqueue(clientActivityId);
        if (postedOrder.Count > RememberedPosts) postedByClient.Remove(postedOrder.Dequeue());
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

    /// <summary>
    /// Past the count, a block of the oldest goes at once (fewer, larger copies); past the bytes, as many of the
    /// oldest as it takes, but never the latest activity, which its client has yet to read.
    /// </summary>
    private void DropOldest()
    {
        var count = log.Count >= KeptActivities + DropBlock ? DropBlock : 0;
        var bytes = keptBytes;
        for (var i = 0; i < count; i++) bytes -= log[i].Length;
        while (bytes > maxKeptBytes && count < log.Count - 1) bytes -= log[count++].Length;
        if (count == 0) return;
        log.RemoveRange(0, count);
        dropped += count;
        keptBytes = bytes;
    }

    private int IndexOf(string? id) =>
        id is not null && id.StartsWith(Id + "|", StringComparison.Ordinal) && int.TryParse(id.AsSpan(Id.Length + 1), out var n)
        && n > dropped && n <= dropped + log.Count
            ? n - dropped - 1
            : -1;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What became of a client's post.</summary>
public enum PostOutcome { Queued, Repeated, Full }
