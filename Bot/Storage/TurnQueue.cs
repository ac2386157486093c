using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace MagLearn.Bot.Storage;

/// <summary>
/// One turn of a conversation at a time within this process, with no storage round trip: a waiting line per
/// conversation id. It is the whole gate when the state store belongs to one instance (the SQLite file, memory);
/// with Redis, where several instances share conversations, the <see cref="SharedTurnLease"/> lease follows it. Taking
/// the lease through the store on every turn cost four storage operations, more than the turn's own work.
/// </summary>
public sealed partial class TurnQueue : Microsoft.Bot.Builder.IMiddleware
{
    private readonly ConcurrentDictionary<string, Line> lines = new(StringComparer.Ordinal);
    private readonly ILogger<TurnQueue> logger;
    private readonly SharedTurnLease? shared;
    private readonly TimeProvider clock;

    public TurnQueue(ILogger<TurnQueue> logger, SharedTurnLease? shared = null, TimeProvider? clock = null)
    {
        this.logger = logger;
        this.shared = shared;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Whether turns also take the <see cref="SharedTurnLease"/> lease that other instances see.</summary>
    public bool SharedAcrossInstances => shared is not null;

    /// <summary>How long a turn waits for the one before it (as <see cref="SharedTurnLease.MaxWait"/>).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(10);

    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (SharedTurnLease.KeyOf(turn) is not { } key)
        {
            await next(cancellationToken);
            return;
        }

        var line = Join(key);
        try
        {
            if (!await WaitForTurnAsync(line, cancellationToken))
            {
                Busy(turn.Activity.ChannelId);
                await SharedTurnLease.TurnAwayAsync(turn, cancellationToken);
                return;
            }
            try
            {
                await (shared is null ? next(cancellationToken) : shared.OnTurnAsync(turn, next, cancellationToken));
            }
            finally
            {
                line.Turn.Release();
            }
        }
        finally
        {
            Leave(key, line);
        }
    }

    /// <summary>Waits for the line's turn, at most <see cref="MaxWait"/> by the clock; false when that ran out.</summary>
    private async Task<bool> WaitForTurnAsync(Line line, CancellationToken cancellationToken)
    {
        using var patience = new CancellationTokenSource(MaxWait, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(patience.Token, cancellationToken);
        try
        {
            await line.Turn.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A conversation's line lives only while someone is in it, so idle conversations cost nothing.</summary>
    private sealed class Line
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Waiting;
    }

    private Line Join(string key)
    {
        while (true)
        {
            var line = lines.GetOrAdd(key, _ => new Line());
            lock (line)
            {
                // A line emptied and removed between GetOrAdd and here is not joined; take the next one.
                if (line.Waiting < 0) continue;
                line.Waiting++;
                return line;
            }
        }
    }

    private void Leave(string key, Line line)
    {
        lock (line)
        {
            if (--line.Waiting > 0) return;
            line.Waiting = -1;
            lines.TryRemove(new KeyValuePair<string, Line>(key, line));
        }
    }

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "A turn on {Channel} waited for the conversation's previous turn too long and was answered without running")]
    private partial void Busy(string? channel);
}
