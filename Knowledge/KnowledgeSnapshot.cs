using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;
using Microsoft.Extensions.Caching.Memory;

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

    /// <summary>
    /// Decisions of this snapshot for messages seen lately, by text and shape of the answer: the same few questions
    /// come again and again, and a decision depends on nothing but the message and the snapshot. Bounded like
    /// <see cref="RecentMessages"/>; gone with the snapshot, so a content change never serves an old decision.
    /// </summary>
    internal MemoryCache RecentDecisions { get; } = new(new MemoryCacheOptions { SizeLimit = RecentMessages.DefaultCapacity, CompactionPercentage = 0.1 });

    public void Dispose()
    {
        RecentDecisions.Dispose();
        Search.Dispose();
        Index.Dispose();
    }
}
