using BenchmarkDotNet.Attributes;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;

namespace MagLearn.Benchmarks;

/// <summary>
/// One question through the ask router (analysis, search, ranking, policy), per corpus size: as the ask API asks
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
        var library = SyntheticCorpus.Grow(real, SyntheticPassages);
        router = new AskRouter(new KnowledgeBase(library, language, [], RouteTrainingSet.Load(Questions.ContentFolder, real, [])));
        questions = Questions.Load(real);
    }

    [Benchmark]
    public AskResult Ask() => router.Ask(questions[next++ % questions.Count]);

    [Benchmark]
    public AskResult AskForChat() => router.Ask(questions[next++ % questions.Count], snippets: false);
}
