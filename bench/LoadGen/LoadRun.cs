using System.Diagnostics;

namespace MagLearn.LoadGen;

/// <summary>The figures of one scenario against one server, summed over its measured slices.</summary>
public sealed record LoadResult(string Scenario, long Turns, long Errors, double Seconds, double P50, double P99, double CpuCores, double PeakRssMiB)
{
    public double TurnsPerSecond => Turns / Seconds;
}

/// <summary>
/// One scenario's conversations against its own server, driven in slices: many conversations at once, each a
/// loop of turns through the scenario's client (see <see cref="IConversationClient"/>), timed from sending a
/// message to reading the bot's reply. Conversations and connections live across slices, so a slice picks up
/// where the last one stopped.
/// </summary>
public sealed class ScenarioRun : IAsyncDisposable
{
    private readonly ServerProcess server;
    private readonly IScenario scenario;
    private readonly HttpClient http;
    private readonly IConversationClient[] clients;
    private readonly long[] next;
    private readonly string?[] lastReplies;
    private readonly List<double>[] latencies;
    private readonly List<double> sliceRates = [];
    private long turns;
    private long errors;
    private double seconds;
    private double cpuSeconds;

    private ScenarioRun(ServerProcess server, IScenario scenario, HttpClient http, IConversationClient[] clients)
    {
        this.server = server;
        this.scenario = scenario;
        this.http = http;
        this.clients = clients;
        next = new long[clients.Length];
        lastReplies = new string?[clients.Length];
        latencies = clients.Select(_ => new List<double>(16_384)).ToArray();
    }

    public string Name => scenario.Name;

    /// <summary>Turns per second of each measured slice, in order: the spread says how steady the machine was.</summary>
    public IReadOnlyList<double> SliceRates => sliceRates;

    public static async Task<ScenarioRun> StartAsync(ServerProcess server, IScenario scenario, int users)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = users * 2 })
        {
            BaseAddress = server.BaseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var clients = await Task.WhenAll(Enumerable.Range(0, users).Select(user =>
            scenario.OpenAsync(http, $"load-{user}-{Guid.NewGuid():N}", user)));
        return new ScenarioRun(server, scenario, http, clients);
    }

    /// <summary>Load that is not counted: the server's JIT and caches settle.</summary>
    public Task WarmAsync(TimeSpan duration) => DriveAsync(duration, record: false);

    /// <summary>One measured slice: its turns, latencies, errors and the server's CPU are added to the totals.</summary>
    public async Task MeasureAsync(TimeSpan duration)
    {
        var cpuBefore = server.CpuTime;
        var turnsBefore = turns;
        var clock = Stopwatch.StartNew();
        await DriveAsync(duration, record: true);
        var elapsed = clock.Elapsed.TotalSeconds;
        seconds += elapsed;
        cpuSeconds += (server.CpuTime - cpuBefore).TotalSeconds;
        sliceRates.Add((turns - turnsBefore) / elapsed);
    }

    public LoadResult Result()
    {
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(scenario.Name, turns, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99),
            cpuSeconds / seconds, server.PeakResidentMiB);
    }

    private async Task DriveAsync(TimeSpan duration, bool record)
    {
        var stop = DateTime.UtcNow + duration;
        // Paced: each user sends every users/pace seconds, users spread over the period, whatever the replies take.
        var period = scenario.Pace is { } pace ? TimeSpan.FromSeconds(clients.Length / pace) : TimeSpan.Zero;
        var begin = DateTime.UtcNow;
        await Task.WhenAll(clients.Select((client, user) => Task.Run(async () =>
        {
            var due = begin + period * user / clients.Length;
            while (DateTime.UtcNow < stop)
            {
                if (period > TimeSpan.Zero)
                {
                    var wait = due - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    due += period;
                    if (DateTime.UtcNow >= stop) break;
                }
                var (text, expect) = scenario.Turn(user, next[user]++, lastReplies[user]);
                var start = Stopwatch.GetTimestamp();
                var reply = lastReplies[user] = await client.TurnAsync(text);
                var ok = reply is not null && (expect.Length == 0 || reply.Contains(expect, StringComparison.Ordinal));
                if (!record) continue;
                latencies[user].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref turns);
                if (!ok) Interlocked.Increment(ref errors);
            }
        })));
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients) await client.DisposeAsync();
        http.Dispose();
    }
}
