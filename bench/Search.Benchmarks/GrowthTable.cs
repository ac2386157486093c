using System.Diagnostics;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Benchmarks;

/// <summary>
/// The growth table in one pass: for each corpus size, build time (Lucene index, vectors, routers), managed memory
/// held, and the latency distribution of asking every question many times (p99 needs thousands of samples, which
/// BenchmarkDotNet's summary does not report). Each question is asked as a never-seen message (a reference only
/// that asking has, so the whole turn runs: encoding, both searches, the router) and, in its own columns, as a
/// repeated one (the kept decision).
/// </summary>
public static class GrowthTable
{
    public static void Write(TextWriter output, int[] sizes, int rounds)
    {
        var (real, language) = Questions.RealContent();
        var questions = Questions.Load();
        output.WriteLine("| passages | build (s) | heap (MB) | never-seen ask mean (ms) | p50 (ms) | p99 (ms) | allocated per ask (KB) | meaning scan p50 (ms) | repeated ask p50 (ms) | p99 (ms) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var library = SyntheticCorpus.Grow(real, size);
            var passages = library.Pages.Sum(p => p.Passages.Count);
            Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var (knowledge, router) = BenchKnowledge.Build(real, library, language);
            var build = clock.Elapsed.TotalSeconds;
            library = null;
            Collect();
            var heap = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0;
            var asked = 0L;
            string NeverSeen(string q) => $"{q} [{asked++}]";

            // Warm up for a while rather than a few rounds: the runtime recompiles hot methods in the background
            // and a short warm-up leaves those pauses in the measured tail.
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed < TimeSpan.FromSeconds(3)) foreach (var q in questions) router.Ask(NeverSeen(q));
            var latencies = new List<double>(rounds * questions.Count);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var q in questions)
                {
                    var text = NeverSeen(q);
                    var start = Stopwatch.GetTimestamp();
                    router.Ask(text);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / latencies.Count;
            latencies.Sort();
            // A repeated message was asked before: each question once, unmeasured, so every measured asking is a repeat.
            foreach (var q in questions) router.Ask(q);
            var repeated = new List<double>(rounds * questions.Count);
            for (var round = 0; round < rounds; round++)
                foreach (var q in questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    router.Ask(q);
                    repeated.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            repeated.Sort();
            // The exact search alone (every passage row, phrasing and trigger against one message): where it
            // stops holding as the corpus grows.
            var semantic = knowledge.Current.Semantic!;
            var vector = BenchKnowledge.RealModel.Encoder.Encode(questions[0]);
            var scans = new List<double>();
            for (var i = 0; i < Math.Max(50, rounds * 5); i++)
            {
                var start = Stopwatch.GetTimestamp();
                semantic.Read(vector);
                scans.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            scans.Sort();
            output.WriteLine($"| {passages:N0} | {build:0.00} | {heap:0.0} | {latencies.Average():0.000} | {Percentile(latencies, 0.50):0.000} | {Percentile(latencies, 0.99):0.000} | {allocated:0.0} | {Percentile(scans, 0.50):0.000} | {Percentile(repeated, 0.50):0.000} | {Percentile(repeated, 0.99):0.000} |");
            knowledge.Dispose();
        }
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
