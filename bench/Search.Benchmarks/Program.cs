using BenchmarkDotNet.Running;
using MagLearn.Benchmarks;

// Search.Benchmarks growth [ROUNDS]      the growth table (build, memory, latency mean/p50/p99, allocations)
// Search.Benchmarks [BenchmarkDotNet args] BenchmarkDotNet over the ask router and the index build
if (args is ["growth", ..])
{
    var rounds = args.Length > 1 ? int.Parse(args[1]) : 50;
    GrowthTable.Write(Console.Out, [0, 1_000, 10_000, 100_000], rounds);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(AskBenchmarks).Assembly).Run(args);
return 0;
