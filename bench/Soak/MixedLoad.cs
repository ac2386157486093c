using System.Diagnostics;

namespace MagLearn.Soak;

/// <summary>The two ways the soak drives its conversations: as fast as replies come, and at a set pace.</summary>
public static class MixedLoad
{
    /// <summary>
    /// Closed loop: <paramref name="users"/> turns at a time, each followed at once by the next. What this reaches
    /// is the mix's maximum throughput; returns it in turns per second.
    /// </summary>
    public static async Task<double> ClosedLoopAsync(ConversationPools pools, int users, TimeSpan duration, TurnTally tally)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration) await OneTurnAsync(pools, tally);
        })));
        return tally.Turns / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Open loop: a turn starts every 1/<paramref name="rate"/> seconds whether or not earlier ones have been
    /// answered, as people arrive, so a slow reply does not slow the load down. Returns when every turn started has
    /// ended. <paramref name="progress"/> is called every half minute with the time so far.
    /// </summary>
    public static async Task OpenLoopAsync(ConversationPools pools, double rate, TimeSpan duration, TurnTally tally, Action<TimeSpan>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var running = 0L;
        var started = 0L;
        var report = TimeSpan.FromSeconds(30);
        while (clock.Elapsed < duration)
        {
            var wait = TimeSpan.FromSeconds(started / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                // Never a zero delay: Task.Delay(0) returns at once and the loop would spin on a core the server needs.
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
                continue;
            }
            started++;
            Interlocked.Increment(ref running);
            _ = Task.Run(async () =>
            {
                try { await OneTurnAsync(pools, tally); }
                finally { Interlocked.Decrement(ref running); }
            });
            if (clock.Elapsed >= report)
            {
                progress?.Invoke(clock.Elapsed);
                report += TimeSpan.FromSeconds(30);
            }
        }
        // A turn waits for an idle conversation of its kind; were a pool emptied (conversations that could not be
        // opened again), its turns would wait for ever.
        var drained = Stopwatch.StartNew();
        while (Interlocked.Read(ref running) > 0 && drained.Elapsed < TimeSpan.FromMinutes(1)) await Task.Delay(10);
        if (Interlocked.Read(ref running) is var stuck and > 0) tally.AddError($"{stuck} turns had not ended a minute after the last began");
    }

    private static async Task OneTurnAsync(ConversationPools pools, TurnTally tally)
    {
        try
        {
            tally.Add(await pools.TurnAsync());
        }
        // Whatever a turn throws (a conversation that could not be opened again, a reply that would not parse) is an
        // error of the soak: counted, never lost in a task nobody awaits.
        catch (Exception e)
        {
            tally.AddError($"{e.GetType().Name}: {e.Message}");
        }
    }
}
