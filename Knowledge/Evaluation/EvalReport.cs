using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Routing;

namespace MagLearn.Knowledge.Evaluation;

/// <summary>The outcome of one question: what was expected beside what the router did.</summary>
public sealed record EvalOutcome(LabeledQuestion Question, AskResult Result)
{
    public string Route => Result.Route.ToString().ToLowerInvariant();

    public bool RouteCorrect => Route == Question.Expect.Route &&
        (Question.Expect.Route != "dialog" || Result.Dialog == Question.Expect.Dialog);

    /// <summary>1-based rank of the first expected page among the answers, or null.</summary>
    public int? PageRank
    {
        get
        {
            var pages = Question.Expect.Pages;
            if (pages is null || pages.Count == 0) return null;
            var seen = new List<string>();
            foreach (var answer in Result.Answers)
            {
                if (seen.Contains(answer.Page)) continue;
                seen.Add(answer.Page);
                if (pages.Contains(answer.Page)) return seen.Count;
            }
            return null;
        }
    }
}

/// <summary>
/// The figures content authors watch. Page figures are over questions that name pages; rejection is over
/// out-of-scope questions; false fallback is over in-scope questions the bot gave up on.
/// </summary>
public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    public IEnumerable<EvalOutcome> WithPages => Outcomes.Where(o => o.Question.Expect.Pages is { Count: > 0 });
    internal IEnumerable<EvalOutcome> OutOfScope => Outcomes.Where(o => o.Question.Expect.Route == "fallback");
    internal IEnumerable<EvalOutcome> InScope => Outcomes.Where(o => o.Question.Expect.Route != "fallback");
    internal IEnumerable<EvalOutcome> Dialogs => Outcomes.Where(o => o.Question.Expect.Route == "dialog");

    public double RouteAccuracy => Share(Outcomes, o => o.RouteCorrect);
    public double Top1PageAccuracy => Share(WithPages, o => o.PageRank == 1);
    public double RecallAt3 => Share(WithPages, o => o.PageRank <= 3);
    public double MeanReciprocalRank => WithPages.Any() ? WithPages.Average(o => o.PageRank is { } r ? 1.0 / r : 0) : 0;
    public double OutOfScopeRejection => Share(OutOfScope, o => o.Result.Route == AskRoute.Fallback);
    public double FalseFallbackRate => Share(InScope, o => o.Result.Route == AskRoute.Fallback);
    public double DialogAccuracy => Share(Dialogs, o => o.RouteCorrect);

    public IEnumerable<EvalOutcome> Misses => Outcomes.Where(o => !o.RouteCorrect || (o.PageRank ?? 1) != 1);

    private static double Share(IEnumerable<EvalOutcome> outcomes, Func<EvalOutcome, bool> good)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 1 : (double)list.Count(good) / list.Count;
    }

    /// <summary>The figures of several runs over the same questions, one column each.</summary>
    public static void WriteSideBySide(TextWriter output, IReadOnlyList<(string Name, EvalReport Report)> runs)
    {
        var first = runs[0].Report;
        output.WriteLine($"{"",-21}{string.Concat(runs.Select(r => $"{r.Name,9}"))}");
        void Row(string name, Func<EvalReport, double> figure, string note = "") =>
            output.WriteLine($"{name,-21}{string.Concat(runs.Select(r => $"{figure(r.Report),9:0.000}"))}{note}");
        Row("route accuracy", r => r.RouteAccuracy, $"  ({first.Outcomes.Count} questions)");
        Row("dialog accuracy", r => r.DialogAccuracy, $"  ({first.Dialogs.Count()} expect a flow)");
        Row("top-1 page", r => r.Top1PageAccuracy, $"  ({first.WithPages.Count()} name pages)");
        Row("recall@3", r => r.RecallAt3);
        Row("MRR", r => r.MeanReciprocalRank);
        Row("out-of-scope reject", r => r.OutOfScopeRejection, $"  ({first.OutOfScope.Count()} out of scope)");
        Row("false-fallback rate", r => r.FalseFallbackRate, $"  ({first.InScope.Count()} in scope)");
        Row("asks \"did you mean\"", r => r.ClarifyRate);
    }

    /// <summary>How often the bot asks the person to pick instead of answering outright.</summary>
    public double ClarifyRate => Share(Outcomes, o => o.Result.Shape == AnswerShape.Choices);

    /// <summary>The outcomes of the questions whose text is among <paramref name="texts"/>.</summary>
    public EvalReport Only(IReadOnlySet<string> texts) => new(Outcomes.Where(o => texts.Contains(o.Question.Text)).ToList());

    public void Write(TextWriter output, bool showMisses = true)
    {
        output.WriteLine($"questions            {Outcomes.Count}");
        output.WriteLine($"route accuracy       {RouteAccuracy:0.000}");
        output.WriteLine($"dialog accuracy      {DialogAccuracy:0.000}  ({Dialogs.Count()} questions expect a flow)");
        output.WriteLine($"top-1 page accuracy  {Top1PageAccuracy:0.000}  ({WithPages.Count()} questions name pages)");
        output.WriteLine($"recall@3             {RecallAt3:0.000}");
        output.WriteLine($"MRR                  {MeanReciprocalRank:0.000}");
        output.WriteLine($"out-of-scope reject  {OutOfScopeRejection:0.000}  ({OutOfScope.Count()} out-of-scope questions)");
        output.WriteLine($"false-fallback rate  {FalseFallbackRate:0.000}  ({InScope.Count()} in-scope questions)");
        if (showMisses) WriteMisses(output);
    }

    public void WriteMisses(TextWriter output)
    {
        foreach (var miss in Misses)
        {
            var expect = miss.Question.Expect;
            var wanted = expect.Route + (expect.Dialog is null ? "" : $":{expect.Dialog}") +
                         (expect.Pages is { Count: > 0 } ? $" [{string.Join("|", expect.Pages)}]" : "");
            var got = miss.Route + (miss.Result.Dialog is null ? "" : $":{miss.Result.Dialog}") +
                      $" [{string.Join(", ", miss.Result.Answers.Take(3).Select(a => $"{a.Page}#{a.Section} {a.Score:0.00}"))}]";
            output.WriteLine($"miss {miss.Question.Id}: \"{miss.Question.Text}\"");
            output.WriteLine($"     expected {wanted}");
            var routes = string.Join(", ", miss.Result.Routes.Take(3).Select(r => $"{r.Label} {r.Probability:0.00}"));
            output.WriteLine($"     got      {got} confidence {miss.Result.Confidence:0.00} (routes: {routes})");
        }
    }
}

public static class Evaluator
{
    public static EvalReport Run(AskRouter router, IEnumerable<LabeledQuestion> questions) =>
        new(questions.Select(q => new EvalOutcome(q, router.Ask(q.Text, AskRouter.MaxTop, snippets: false))).ToList());
}
