using System.Diagnostics;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;

namespace MagLearn.Benchmarks;

/// <summary>
/// The growth table in one pass: for each corpus size, index build time, managed memory held by the index, and
/// the latency distribution of asking every question many times (p99 needs thousands of samples, which
/// BenchmarkDotNet's summary does not report).
/// </summary>
public static class GrowthTable
{
    public static void Write(TextWriter output, int[] sizes, int rounds)
    {
        var (real, language) = Questions.RealContent();
        var questions = Questions.Load(real);
        output.WriteLine("| passages | build (s) | index heap (MB) | ask mean (ms) | ask p50 (ms) | ask p99 (ms) | allocated per ask (KB) |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var library = SyntheticCorpus.Grow(real, size);
            var passages = library.Pages.Sum(p => p.Passages.Count);
            Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var knowledge = new KnowledgeBase(library, language, [], RouteTrainingSet.Load(Questions.ContentFolder, real, []));
            var build = clock.Elapsed.TotalSeconds;
            library = null;
            Collect();
            var heap = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0;
            var router = new AskRouter(knowledge);

            // Warm up for a while rather than a few rounds: the runtime recompiles hot methods in the background
            // and a short warm-up leaves those pauses in the measured tail.
            var warmup = Stopwatch.StartNew();
            while (warmup.Elapsed < TimeSpan.FromSeconds(3)) foreach (var q in questions) router.Ask(q);
            var latencies = new List<double>(rounds * questions.Count);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var q in questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    router.Ask(q);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / latencies.Count;
            latencies.Sort();
            output.WriteLine($"| {passages:N0} | {build:0.00} | {heap:0.0} | {latencies.Average():0.000} | {Percentile(latencies, 0.50):0.000} | {Percentile(latencies, 0.99):0.000} | {allocated:0.0} |");
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
