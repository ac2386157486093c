using System.Diagnostics;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Knowledge;

/// <summary>
/// Builds a snapshot from content: the Lucene index, then (with a sentence model) the vectors of every passage,
/// phrasing, trigger and routing example, then the routers trained on the routing examples and the passage mix
/// fitted on the labeled questions.
/// </summary>
public static class KnowledgeBuilder
{
    /// <summary>How long each part of a build took; <see cref="Vectors"/> includes waiting for the model to load.</summary>
    public sealed record Timings(TimeSpan Index, TimeSpan Vectors, TimeSpan Routers, int Encoded);

    public static (KnowledgeSnapshot Snapshot, Timings Timings) Build(
        LearnLibrary library, LanguageResources language, IReadOnlyList<SearchDocument> extras, SearchTuning tuning,
        RouteTrainingSet training, Func<SentenceModel?> modelWhenNeeded, string? cacheFolder = null)
    {
        var clock = Stopwatch.StartNew();
        var index = KnowledgeIndex.Build(library, language, extras, tuning);
        var search = new QuestionSearch(index);
        var indexTime = clock.Elapsed;
        var model = modelWhenNeeded();

        SemanticIndex? semantic = null;
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var encoded = 0;
        if (model is not null)
        {
            var texts = training.All.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
            (semantic, var kept) = SemanticIndex.Build(index, library, extras, model.Store, model.Encoder, texts);
            for (var i = 0; i < texts.Count; i++) vectors[texts[i]] = kept[i];
            encoded = model.Store.LastEncoded;
        }
        var vectorTime = clock.Elapsed - indexTime;

        // Gathered only when a router has to be trained: a restart on the same content loads both.
        var evidence = new Lazy<Dictionary<RouteExample, MessageEvidence>>(() => Evidence(training, search, semantic, vectors));
        RouteClassifier Router(RouteEvidence kind, SemanticIndex? meaning)
        {
            var settings = new RouteModel.Settings();
            var key = RouterCache.KeyOf(training, kind, index.Version, meaning?.ModelId, settings);
            var examples = meaning is null ? null : ExampleBank.Of(training.All, text => vectors.GetValueOrDefault(text), meaning.Dimensions);
            return RouterCache.GetOrTrain(cacheFolder, key, kind, training.Labels, meaning, examples,
                () => RouterTraining.Train(new RouterTraining.Inputs(training, kind, meaning, evidence.Value, vectors), settings));
        }
        var wordsRouter = Router(RouteEvidence.Words, null);
        var meaningRouter = semantic is null ? null : Router(RouteEvidence.Both, semantic);
        var ranking = semantic is null
            ? PassageRanking.WordsOnly
            : RankingCache.GetOrFit(cacheFolder, RouterCache.KeyOf(training, RouteEvidence.Both, index.Version, semantic.ModelId, new RouteModel.Settings()),
                () => FitRanking(training.Questions, search, semantic, vectors));
        var snapshot = new KnowledgeSnapshot(index, search, training, wordsRouter, semantic, meaningRouter, ranking, vectors);
        return (snapshot, new Timings(indexTime, vectorTime, clock.Elapsed - indexTime - vectorTime, encoded));
    }

    /// <summary>Each example as a new message would meet the index: its own trigger or phrasing left out.</summary>
    internal static Dictionary<RouteExample, MessageEvidence> Evidence(RouteTrainingSet training, QuestionSearch search, SemanticIndex? semantic, IReadOnlyDictionary<string, float[]> vectors) =>
        training.All.Distinct().ToDictionary(e => e, e => RouteFeatures.Gather(e.Text, search, semantic, vectors.GetValueOrDefault(e.Text), except: e.Text));

    /// <summary>The passage ranking fitted on the labeled questions that name pages (their vectors are already kept).</summary>
    internal static PassageRanking FitRanking(IEnumerable<LabeledQuestion> questions, QuestionSearch search, SemanticIndex semantic,
        IReadOnlyDictionary<string, float[]> vectors, PassageFusion fusion = PassageFusion.ReciprocalRank)
    {
        var withPages = new List<(IReadOnlyList<string>, Func<double, IReadOnlyList<RankedPassage>>)>();
        foreach (var question in questions)
        {
            if (question.Expect.Pages is not { Count: > 0 } pages || !vectors.TryGetValue(question.Text, out var vector)) continue;
            var lexical = search.Search(question.Text, PassageRanking.CandidatesPerSide, snippets: 0);
            var candidates = PassageRanking.Candidates(lexical, search, semantic.Read(vector));
            withPages.Add((pages, w => new PassageRanking(w, 0, fusion).Order(candidates, AskRouter.MaxTop)));
        }
        return PassageRanking.Fit(withPages, fusion);
    }
}
