using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Routing;

namespace MagLearn.Knowledge.Evaluation;

/// <summary>
/// Which evidence a run of the evaluation answers with: Lucene alone, the sentence model alone, or both (the bot);
/// <see cref="Mix"/> is the bot's router with passages ranked by a fitted mix of the two sides' scores instead of
/// their ranks (see <see cref="PassageFusion"/>).
/// </summary>
public enum EvalMode { Lexical, Dense, Mix, Hybrid }

/// <summary>
/// The evaluation's two honest views. <see cref="OnFile"/>: a question file answered in each mode by routers trained
/// on all the routing examples (in-sample for questions that are among them). <see cref="CrossValidated"/>: every
/// labeled question of the content answered in each mode by routers trained without its fold, so a gain that is
/// only memorised shows.
/// </summary>
public sealed class ModeComparison
{
    private readonly KnowledgeBase knowledge;
    private readonly AskRouter router;
    private readonly Dictionary<EvalMode, (RouteClassifier Router, PassageRanking Ranking)> trained = new();

    public ModeComparison(KnowledgeBase knowledge, AskRouter router)
    {
        this.knowledge = knowledge;
        this.router = router;
    }

    /// <summary>The modes this host can run: all with a sentence model, lexical alone without one. The bot's own is last.</summary>
    public IReadOnlyList<EvalMode> Modes => knowledge.Current.Semantic is null
        ? [EvalMode.Lexical]
        : [EvalMode.Lexical, EvalMode.Dense, EvalMode.Mix, EvalMode.Hybrid];

    public EvalReport OnFile(EvalMode mode, IReadOnlyList<LabeledQuestion> questions)
    {
        var routing = Routing(mode);
        return new EvalReport(questions.Select(q => new EvalOutcome(q, router.Ask(q.Text, AskRouter.MaxTop, snippets: false, explain: false, routing))).ToList());
    }

    /// <summary>Each labeled question of the content, answered by the routers of the folds that held it out.</summary>
    public EvalReport CrossValidated(EvalMode mode, int seed = 1)
    {
        var snapshot = knowledge.Current;
        var inputs = Inputs(mode);
        var (heldOut, routers) = RouterTraining.CrossValidate(inputs, new RouteModel.Settings(), seed);
        var questions = snapshot.Training.Questions;
        var byExample = snapshot.Training.Labeled.Select((e, i) => (e, i)).GroupBy(p => p.e).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToList());
        var foldOf = new Dictionary<int, int>();
        foreach (var h in heldOut)
            foreach (var i in byExample[h.Example]) foldOf[i] = h.Fold;
        var outcomes = new List<EvalOutcome>();
        for (var fold = 0; fold < routers.Count; fold++)
        {
            var held = foldOf.Where(f => f.Value == fold).Select(f => f.Key).ToHashSet();
            var ranking = mode switch
            {
                EvalMode.Lexical => PassageRanking.WordsOnly,
                EvalMode.Dense => PassageRanking.Default with { WordsWeight = 0 },
                _ => KnowledgeBuilder.FitRanking(questions.Where((_, i) => !held.Contains(i)), snapshot.Search, snapshot.Semantic!, snapshot.ExampleVectors, Fusion(mode)),
            };
            foreach (var i in held)
                outcomes.Add(new EvalOutcome(questions[i], router.Ask(questions[i].Text, AskRouter.MaxTop, snippets: false, explain: false, (routers[fold], ranking))));
        }
        return new EvalReport(outcomes);
    }

    private (RouteClassifier, PassageRanking) Routing(EvalMode mode)
    {
        if (trained.TryGetValue(mode, out var known)) return known;
        var snapshot = knowledge.Current;
        var routing = mode switch
        {
            EvalMode.Lexical => (snapshot.WordsRouter, PassageRanking.WordsOnly),
            EvalMode.Hybrid => (snapshot.MeaningRouter!, snapshot.Ranking),
            EvalMode.Mix => (snapshot.MeaningRouter!, KnowledgeBuilder.FitRanking(snapshot.Training.Questions, snapshot.Search, snapshot.Semantic!, snapshot.ExampleVectors, PassageFusion.WeightedMix)),
            _ => (RouterTraining.Train(Inputs(mode)), PassageRanking.Default with { WordsWeight = 0 }),
        };
        return trained[mode] = routing;
    }

    private static PassageFusion Fusion(EvalMode mode) => mode == EvalMode.Mix ? PassageFusion.WeightedMix : PassageFusion.ReciprocalRank;

    private RouterTraining.Inputs Inputs(EvalMode mode)
    {
        var snapshot = knowledge.Current;
        var evidence = mode switch { EvalMode.Lexical => RouteEvidence.Words, EvalMode.Dense => RouteEvidence.Meaning, _ => RouteEvidence.Both };
        var semantic = mode == EvalMode.Lexical ? null : snapshot.Semantic;
        return new RouterTraining.Inputs(snapshot.Training, evidence, semantic,
            KnowledgeBuilder.Evidence(snapshot.Training, snapshot.Search, snapshot.Semantic, snapshot.ExampleVectors), snapshot.ExampleVectors);
    }
}
