using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Evaluation;
using MagLearn.Knowledge.Routing;

namespace MagLearn.Bot.Evaluation;

/// <summary>
/// <c>dotnet run --project Bot -- eval FILE.jsonl... [--baseline] [--quiet] [--no-kfold] [--repeats N]</c>: answers
/// each question file with the bot's own knowledge (built by the same host wiring) by words alone, by meaning alone
/// and by both, side by side; then the k-fold figures over every labeled question of the content, per file given
/// (over N different deals of the folds, pooled, with <c>--repeats</c>: one deal's figure moves by a question or
/// two); then the held-out misses of the bot as it runs.
/// </summary>
public static class EvalCommand
{
    public const string Name = "eval";
    public const string BaselineSwitch = "--baseline";

    /// <summary>The configuration the host is built with for this command: the plain baseline search if asked.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(string[] args) =>
    [
        new("Knowledge:WatchContent", "false"),
        new("Knowledge:Baseline", args.Contains(BaselineSwitch) ? "true" : "false"),
    ];

    public static int Run(IServiceProvider services, string[] args, TextWriter output)
    {
        // Files are the arguments that are neither a switch nor the number after --repeats.
        var files = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || args[i - 1] != "--repeats")).ToList();
        if (files.Count == 0)
        {
            output.WriteLine("usage: eval FILE.jsonl [FILE.jsonl...] [--baseline] [--quiet] [--no-kfold] [--repeats N]");
            return 2;
        }
        var repeats = 1;
        var at = Array.IndexOf(args, "--repeats");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], out repeats) || repeats is < 1 or > 50))
        {
            output.WriteLine("eval: --repeats takes a number from 1 to 50");
            return 2;
        }
        var questions = new List<(string File, List<LabeledQuestion> Questions)>();
        try
        {
            foreach (var file in files) questions.Add((file, LabeledQuestion.ReadJsonLines(file)));
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            output.WriteLine($"eval: {e.Message}");
            return 2;
        }

        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var comparison = new ModeComparison(knowledge, services.GetRequiredService<AskRouter>());
        var snapshot = knowledge.Current;
        var modes = comparison.Modes;
        output.WriteLine(args.Contains(BaselineSwitch)
            ? "search: baseline (StandardAnalyzer, no synonyms, no boosts, no typo correction)"
            : "search: tuned");
        output.WriteLine(snapshot.Semantic is { } semantic ? $"model: {semantic.ModelId}" : "model: none (answering by words alone)");
        var training = snapshot.Training.Questions.Select(q => q.Text).ToHashSet(StringComparer.Ordinal);

        foreach (var (file, list) in questions)
        {
            var known = list.Count(q => training.Contains(q.Text));
            output.WriteLine();
            output.WriteLine($"== {file}: {list.Count} questions" +
                             (known > 0 ? $" ({known} are routing examples, so these figures are in-sample: see the k-fold figures)" : " (none is a routing example: held out)"));
            var reports = modes.Select(m => (Column(m), comparison.OnFile(m, list))).ToList();
            EvalReport.WriteSideBySide(output, reports);
            // Without the k-fold section, the misses shown are the bot's own on this file.
            if (args.Contains("--no-kfold") && !args.Contains("--quiet"))
            {
                output.WriteLine();
                output.WriteLine($"misses ({Column(modes[^1]).Trim()}):");
                reports[^1].Item2.WriteMisses(output);
            }
        }

        if (args.Contains("--no-kfold") || snapshot.Training.Questions.Count == 0) return 0;
        output.WriteLine();
        output.WriteLine($"== k-fold: {RouterTraining.Folds} folds over the {snapshot.Training.Questions.Count} labeled questions of {RouteTrainingSet.Folder}/{RouteTrainingSet.QuestionsFile}, each answered by routers trained without its fold" +
                         (repeats > 1 ? $"; {repeats} deals of the folds, pooled" : ""));
        var folds = modes.Select(m => (Mode: m, Report: new EvalReport(
            Enumerable.Range(1, repeats).SelectMany(seed => comparison.CrossValidated(m, seed).Outcomes).ToList()))).ToList();
        EvalReport.WriteSideBySide(output, folds.Select(f => (Column(f.Mode), f.Report)).ToList());
        foreach (var (file, list) in questions)
        {
            var texts = list.Select(q => q.Text).ToHashSet(StringComparer.Ordinal);
            var held = folds[0].Report.Only(texts).Outcomes.Count;
            if (held == 0) continue;
            output.WriteLine();
            output.WriteLine($"-- k-fold, {file}: its {held} questions held out");
            EvalReport.WriteSideBySide(output, folds.Select(f => (Column(f.Mode), f.Report.Only(texts))).ToList());
        }
        if (args.Contains("--quiet")) return 0;
        output.WriteLine();
        output.WriteLine($"held-out misses ({Column(modes[^1]).Trim()}):");
        folds[^1].Report.WriteMisses(output);
        return 0;
    }

    private static string Column(EvalMode mode) => mode.ToString().ToLowerInvariant();
}
