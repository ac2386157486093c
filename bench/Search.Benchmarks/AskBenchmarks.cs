using BenchmarkDotNet.Attributes;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Benchmarks;

/// <summary>
/// One question through the ask router (encoding, both searches, the router, ranking), per corpus size: as the ask API asks
/// it (three highlighted snippets) and as the chat asks it (no snippets: the chat shows whole passages).
/// </summary>
[MemoryDiagnoser]
public class AskBenchmarks
{
    /// <summary>Generated passages added to the real Learn content (0 = the Learn corpus alone).</summary>
    [Params(0, 1_000, 10_000, 100_000)]
    public int SyntheticPassages { get; set; }

    private AskRouter router = null!;
    private IReadOnlyList<string> questions = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var (real, language) = Questions.RealContent();
        (_, router) = BenchKnowledge.Build(real, SyntheticCorpus.Grow(real, SyntheticPassages), language);
        questions = Questions.Load();
    }

    /// <summary>A message nobody asked before: the whole turn, encoding included.</summary>
    [Benchmark]
    public AskResult Ask() => router.Ask($"{questions[next % questions.Count]} [{next++}]");

    [Benchmark]
    public AskResult AskForChat() => router.Ask($"{questions[next % questions.Count]} [{next++}]", snippets: false);

    /// <summary>A repeated message: the decision kept for it.</summary>
    [Benchmark]
    public AskResult AskRepeated() => router.Ask(questions[next++ % questions.Count]);
}
