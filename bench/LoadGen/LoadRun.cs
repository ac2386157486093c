using System.Diagnostics;

namespace MagLearn.LoadGen;

/// <summary>The figures of one scenario against one server.</summary>
public sealed record LoadResult(string Scenario, long Turns, long Errors, double Seconds, double P50, double P99, double CpuCores, double PeakRssMiB)
{
    public double TurnsPerSecond => Turns / Seconds;
}

/// <summary>
/// Many conversations at once, each a loop of turns through the scenario's client (see
/// <see cref="IConversationClient"/>), timed from sending a message to reading the bot's reply.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(ServerProcess server, IScenario scenario, int users, TimeSpan warmup, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = users * 2 })
        {
            BaseAddress = server.BaseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await Drive(http, scenario, users, warmup, record: null, run: "warmup");

        var latencies = new List<double>[users];
        var cpuBefore = server.CpuTime;
        var clock = Stopwatch.StartNew();
        var errors = await Drive(http, scenario, users, duration, latencies, run: "run");
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (server.CpuTime - cpuBefore).TotalSeconds / seconds;

        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(scenario.Name, all.Count, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99), cpu, server.PeakResidentMiB);
    }

    private static async Task<long> Drive(HttpClient http, IScenario scenario, int users, TimeSpan duration, List<double>[]? record, string run)
    {
        long errors = 0;
        var stop = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var mine = new List<double>(4096);
            if (record is not null) record[user] = mine;
            await using var client = await scenario.OpenAsync(http, $"load-{run}-{user}-{Guid.NewGuid():N}", user);
            for (long turn = 0; DateTime.UtcNow < stop; turn++)
            {
                var (text, expect) = scenario.Turn(user, turn);
                var start = Stopwatch.GetTimestamp();
                var ok = await client.TurnAsync(text, expect);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        })));
        return errors;
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
