using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Benchmarks;

/// <summary>Building the whole index, per corpus size: what a content change or a cold start costs.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BuildBenchmarks
{
    [Params(0, 1_000, 10_000, 100_000)]
    public int SyntheticPassages { get; set; }

    private LearnLibrary library = null!;
    private LanguageResources language = null!;

    [GlobalSetup]
    public void Setup()
    {
        (var real, language) = Questions.RealContent();
        library = SyntheticCorpus.Grow(real, SyntheticPassages);
    }

    [Benchmark]
    public int Build()
    {
        using var index = KnowledgeIndex.Build(library, language);
        return index.DocumentCount;
    }
}
