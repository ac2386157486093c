using System.Diagnostics;
using System.Text.Json;

// Replays a question file against a running bot's /api/ask, one request at a time, and reports the latency
// distribution as a client sees it (loopback HTTP included).
// Usage: ask-replay BASE_URL QUESTIONS.jsonl [ROUNDS=100] [WARMUP_ROUNDS=3]

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ask-replay BASE_URL QUESTIONS.jsonl [ROUNDS] [WARMUP_ROUNDS]");
    return 2;
}
var baseUrl = args[0].TrimEnd('/');
var questions = File.ReadLines(args[1])
    .Where(l => !string.IsNullOrWhiteSpace(l))
    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
    .ToList();
var rounds = args.Length > 2 ? int.Parse(args[2]) : 100;
var warmup = args.Length > 3 ? int.Parse(args[3]) : 3;

using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
var urls = questions.Select(q => "/api/ask?q=" + Uri.EscapeDataString(q)).ToList();
for (var i = 0; i < warmup; i++)
    foreach (var url in urls) (await http.GetAsync(url)).EnsureSuccessStatusCode();

var latencies = new List<double>(rounds * urls.Count);
var errors = 0;
var wall = Stopwatch.StartNew();
for (var round = 0; round < rounds; round++)
{
    foreach (var url in urls)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (!response.IsSuccessStatusCode) errors++;
    }
}
wall.Stop();
latencies.Sort();
double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
Console.WriteLine($"requests {latencies.Count} ({questions.Count} questions x {rounds} rounds), errors {errors}, {latencies.Count / wall.Elapsed.TotalSeconds:0} req/s sequential");
Console.WriteLine($"latency ms: mean {latencies.Average():0.000}  p50 {P(0.50):0.000}  p90 {P(0.90):0.000}  p99 {P(0.99):0.000}  max {latencies[^1]:0.000}");
return errors == 0 ? 0 : 1;
