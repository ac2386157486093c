using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Knowledge;

/// <summary>
/// Everything one build of the content made, always used together: the Lucene index and its search, the semantic
/// index beside it (when the sentence model is loaded), and the routers trained on that content. Immutable: a
/// content change builds a whole new snapshot (see <see cref="KnowledgeBase"/>).
/// </summary>
public sealed class KnowledgeSnapshot : IDisposable
{
    internal KnowledgeSnapshot(KnowledgeIndex index, QuestionSearch search, RouteTrainingSet training, RouteClassifier wordsRouter,
        SemanticIndex? semantic, RouteClassifier? meaningRouter, PassageRanking ranking, IReadOnlyDictionary<string, float[]> exampleVectors)
    {
        ExampleVectors = exampleVectors;
        Index = index;
        Search = search;
        Training = training;
        WordsRouter = wordsRouter;
        Semantic = semantic;
        MeaningRouter = meaningRouter;
        Ranking = ranking;
    }

    public KnowledgeIndex Index { get; }
    public QuestionSearch Search { get; }
    public LearnLibrary Library => Index.Library;
    public RouteTrainingSet Training { get; }

    /// <summary>The router that reads words alone: used without a sentence model, or when encoding a message fails.</summary>
    public RouteClassifier WordsRouter { get; }

    /// <summary>The vectors of the content; null when the sentence model is off or did not load.</summary>
    public SemanticIndex? Semantic { get; }

    /// <summary>The router that reads meaning and words; null without a semantic index.</summary>
    public RouteClassifier? MeaningRouter { get; }

    /// <summary>The vectors of the routing examples' texts (empty without a semantic index), for retraining in an evaluation.</summary>
    public IReadOnlyDictionary<string, float[]> ExampleVectors { get; }

    /// <summary>How passages are ranked: the fitted mix with a semantic index, Lucene alone without.</summary>
    public PassageRanking Ranking { get; }

    public void Dispose()
    {
        Search.Dispose();
        Index.Dispose();
    }
}
