using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MagLearn.LoadGen;

/// <summary>The figures of one scenario against one server.</summary>
public sealed record LoadResult(string Scenario, long Turns, long Errors, double Seconds, double P50, double P99, double CpuCores, double PeakRssMiB)
{
    public double TurnsPerSecond => Turns / Seconds;
}

/// <summary>
/// Many conversations at once against /api/messages, each a loop of turns. Activities ask for their replies in
/// the HTTP response (deliveryMode expectReplies), so a turn is measured from the request to the bot's last
/// reply with no channel service in between, for the bot and the baseline alike.
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
            var conversation = $"load-{run}-{user}-{Guid.NewGuid():N}";
            for (long turn = 0; DateTime.UtcNow < stop; turn++)
            {
                var (text, expect) = scenario.Turn(user, turn);
                var start = Stopwatch.GetTimestamp();
                var ok = await SendAsync(http, conversation, user, turn, text, expect);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        })));
        return errors;
    }

    private static async Task<bool> SendAsync(HttpClient http, string conversation, int user, long turn, string text, string expect)
    {
        var activity = new
        {
            type = "message",
            id = $"{conversation}-{turn}",
            channelId = "directline",
            serviceUrl = "http://127.0.0.1:9/",
            deliveryMode = "expectReplies",
            from = new { id = $"user-{user}", name = "Load" },
            recipient = new { id = "bot", name = "Bot" },
            conversation = new { id = conversation },
            text,
            locale = "en-US",
        };
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await http.PostAsync("/api/messages", content);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && body.Contains("\"activities\"") && (expect.Length == 0 || body.Contains(expect, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
