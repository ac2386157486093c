using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Evaluation;
using MagLearn.Knowledge.Routing;

namespace MagLearn.Bot.Checks;

/// <summary>One figure of the gate: what was recorded, what was measured, and whether the drop is within one question.</summary>
public sealed record GateFigure(string Name, Tally Recorded, Tally Measured)
{
    /// <summary>
    /// A drop of one question is noise (a retrained router can flip one borderline question); more is a regression.
    /// One question's worth is counted on the questions measured now, so adding questions does not tighten the gate.
    /// </summary>
    public bool Holds => Measured.Share >= Recorded.Share - 1.0 / Math.Max(1, Measured.Of) - 1e-9;
}

/// <summary>
/// The regression gate on answer quality: the bot's own router and ranking (meaning and words), k-fold over the
/// labeled questions of <c>content/routing/questions.jsonl</c>, compared with the recorded figures. In-sample every
/// labeled question is answered right by construction, so only held-out figures can fall. One deal of the folds
/// with a fixed seed: the same content and code give the same figures.
/// </summary>
public static class QualityGate
{
    public const int Seed = 1;

    /// <summary>The figures of the bot as it is built now; null without the sentence model (the recorded figures are with it).</summary>
    public static QualityFigures? Measure(KnowledgeBase knowledge, AskRouter router)
    {
        if (knowledge.Current.Semantic is null) return null;
        var report = new ModeComparison(knowledge, router).CrossValidated(EvalMode.Hybrid, Seed);
        var withPages = report.WithPages.ToList();
        return new QualityFigures(
            new Tally(report.Outcomes.Count(o => o.RouteCorrect), report.Outcomes.Count),
            new Tally(withPages.Count(o => o.PageRank == 1), withPages.Count));
    }

    public static IReadOnlyList<GateFigure> Compare(QualityFigures recorded, QualityFigures measured) =>
    [
        new("route accuracy", recorded.Route, measured.Route),
        new("top-1 page", recorded.Top1Page, measured.Top1Page),
    ];

    public static string Describe => $"k-fold ({RouterTraining.Folds} folds, seed {Seed}) over {RouteTrainingSet.Folder}/{RouteTrainingSet.QuestionsFile}, the bot's own router and ranking";
}
