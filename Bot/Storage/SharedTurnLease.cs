using MagLearn.Bot.Wording;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Storage;

/// <summary>
/// Lets one turn of a conversation run at a time, on this instance and on every other that shares the storage.
/// Conversation state is a read at the start of a turn and a write at its end, last writer wins (ConversationState
/// writes a plain dictionary, not an ETag'd store item), so two turns at once (a double click, two tabs, two
/// instances behind a load balancer) would each undo the other's progress. The second turn waits for the first and
/// then runs on the state it left. If the first does not finish in time, the second is answered, not run.
/// It also spares the SDK's ShowTypingMiddleware, which keeps one typing loop per conversation id: two turns of
/// one conversation at once make it cancel a disposed token, and one of them fails.
/// </summary>
/// <remarks>
/// The lease is a <see cref="TurnLease"/> store item taken by ETag: two instances that both see the conversation
/// free both write, and the storage refuses the second write. A lease that outlives a crashed instance runs out.
/// </remarks>
public sealed partial class SharedTurnLease : Microsoft.Bot.Builder.IMiddleware
{
    private readonly IStorage storage;
    private readonly ILogger<SharedTurnLease> logger;
    private readonly TimeProvider clock;

    public SharedTurnLease(IStorage storage, ILogger<SharedTurnLease> logger, TimeProvider? clock = null)
    {
        this.storage = storage;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>How long a turn may hold the conversation; far beyond any real turn, short enough after a crash.</summary>
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a turn waits for the one before it.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(10);

    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (KeyOf(turn) is not { } key)
        {
            await next(cancellationToken);
            return;
        }

        var holder = Guid.NewGuid().ToString("N");
        if (!await EnterAsync(key, holder, cancellationToken))
        {
            Busy(turn.Activity.ChannelId);
            await TurnAwayAsync(turn, cancellationToken);
            return;
        }
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            await LeaveAsync(key, holder);
        }
    }

    /// <summary>The conversation a turn belongs to, as a gate key; null for an activity outside any conversation.</summary>
    internal static string? KeyOf(ITurnContext turn) =>
        turn.Activity?.Conversation?.Id is { Length: > 0 } conversation
            ? TurnLease.KeyFor(turn.Activity.ChannelId ?? "", conversation)
            : null;

    /// <summary>A message that waited too long for the turn before it is answered, not run.</summary>
    internal static async Task TurnAwayAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Message)
            await turn.SendActivityAsync(Replies.StillBusy, cancellationToken: cancellationToken);
    }

    private async Task<bool> EnterAsync(string key, string holder, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + MaxWait;
        while (true)
        {
            var now = clock.GetUtcNow();
            var current = (await storage.ReadAsync([key], cancellationToken)).TryGetValue(key, out var item) ? item as TurnLease : null;
            if (current is null || current.Until <= now)
            {
                try
                {
                    // ETag null takes a free conversation; the expired lease's ETag takes over from a crashed holder.
                    var lease = new TurnLease { Holder = holder, Until = now + LeaseTime, ETag = current?.ETag };
                    await storage.WriteAsync(new Dictionary<string, object> { [key] = lease }, cancellationToken);
                    return true;
                }
                catch (Exception e) when (ETagConflictException.IsConflict(e))
                {
                    // Another turn got in first.
                }
            }
            if (now >= deadline) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 30)), clock, cancellationToken);
        }
    }

    private async Task LeaveAsync(string key, string holder)
    {
        try
        {
            // Only our own lease: one that ran out may already belong to the next turn.
            var items = await storage.ReadAsync([key], CancellationToken.None);
            if (items.TryGetValue(key, out var item) && item is TurnLease lease && lease.Holder == holder)
                await storage.DeleteAsync([key], CancellationToken.None);
        }
        catch (Exception e)
        {
            // The lease runs out by itself; the turn's own result stands.
            LeaveFailed(e);
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "A turn on {Channel} waited for the conversation's previous turn too long and was answered without running")]
    private partial void Busy(string? channel);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Could not release a conversation's turn lease; it will run out")]
    private partial void LeaveFailed(Exception exception);
}
