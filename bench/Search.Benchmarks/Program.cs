using BenchmarkDotNet.Running;
using MagLearn.Benchmarks;

// Search.Benchmarks growth [ROUNDS] [SIZES...]  the growth table (build, memory, latency mean/p50/p99, allocations);
//                                               SIZES (synthetic passages added) default to 0 1000 10000 100000
// Search.Benchmarks encoder [SECONDS]          the sentence encoder alone: weights, threads, batching (SECONDS per row, default 5)
// Search.Benchmarks [BenchmarkDotNet args]        BenchmarkDotNet over the ask router and the index build
if (args is ["growth", ..])
{
    var rounds = args.Length > 1 ? int.Parse(args[1]) : 50;
    int[] sizes = args.Length > 2 ? args[2..].Select(int.Parse).ToArray() : [0, 1_000, 10_000, 100_000];
    GrowthTable.Write(Console.Out, sizes, rounds);
    return 0;
}
if (args is ["encoder", ..])
{
    EncoderTable.Write(Console.Out, Questions.Load(), TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1]) : 5));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(AskBenchmarks).Assembly).Run(args);
return 0;
