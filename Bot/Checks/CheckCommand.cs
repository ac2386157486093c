using System.Diagnostics;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Checks;

/// <summary>
/// <c>dotnet run --project Bot -- check [--no-gate] [--record]</c>: the content checks (every page has a summary and
/// sections, every synonym rule parses, every flow validates and every passage it cites exists, the labeled
/// questions parse and name what exists), then the quality gate (the k-fold figures must not fall more than one
/// question below <c>content/quality/baseline.json</c>). Exit 0 when all hold, 1 when one does not, 2 for bad usage.
/// <c>--record</c> writes the figures measured now as the new baseline, to commit with the change that earned them.
/// </summary>
public static class CheckCommand
{
    public const string Name = "check";

    private static readonly string[] Switches = ["--no-gate", "--record"];

    /// <summary>The configuration the host is built with for this command: the files are read once, not watched.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings { get; } =
    [
        new("Knowledge:WatchContent", "false"),
        new("Knowledge:Baseline", "false"),
    ];

    public static int Run(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.FirstOrDefault(a => !Switches.Contains(a)) is { } unknown)
        {
            output.WriteLine($"check: unknown argument '{unknown}'");
            output.WriteLine("usage: check [--no-gate] [--record]");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var folders = ContentFolders.Of(services);
        var content = ContentCheck.Run(folders);
        var flows = content.Flows.Count > 0 ? $"{content.Flows.Count} flows" : "no flows (they did not load)";
        output.WriteLine($"content: {content.Library.Pages.Count} Learn pages, {content.SynonymRules} synonym rules, " +
                         $"{flows}, {content.LabeledQuestions} labeled questions ({folders.Content}, {folders.Dialogs})");
        if (!content.Passed)
        {
            output.WriteLine($"content check FAILED: {content.Issues.Count} problem{(content.Issues.Count == 1 ? "" : "s")}");
            foreach (var issue in content.Issues) output.WriteLine("  " + issue);
            output.WriteLine("quality gate not run: it needs content that loads");
            return 1;
        }
        output.WriteLine("content check passed: pages, synonyms, flows and their citations, labeled questions");
        if (args.Contains("--no-gate")) return Done(output, clock, passed: true);

        var passed = Gate(services, folders, args.Contains("--record"), output);
        return Done(output, clock, passed);
    }

    private static bool Gate(IServiceProvider services, ContentFolders folders, bool record, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"quality gate: {QualityGate.Describe}");
        var measured = QualityGate.Measure(services.GetRequiredService<KnowledgeBase>(), services.GetRequiredService<AskRouter>());
        if (measured is null)
        {
            output.WriteLine("quality gate FAILED: the sentence model is off or did not load (see Knowledge:Semantic); the figures are recorded with it");
            return false;
        }
        var baseline = QualityFigures.PathIn(folders.Content);
        if (record)
        {
            measured.Write(baseline);
            output.WriteLine($"recorded in {baseline}: route accuracy {measured.Route}, top-1 page {measured.Top1Page}");
            return true;
        }
        if (!File.Exists(baseline))
        {
            output.WriteLine($"quality gate FAILED: no recorded figures at {baseline} (run `check --record` and commit the file)");
            return false;
        }
        QualityFigures recorded;
        try
        {
            recorded = QualityFigures.Read(baseline);
        }
        catch (FormatException e)
        {
            output.WriteLine($"quality gate FAILED: {e.Message}");
            return false;
        }
        var figures = QualityGate.Compare(recorded, measured);
        output.WriteLine($"  {"figure",-16}{"recorded",-18}{"measured",-18}");
        foreach (var figure in figures)
        {
            var verdict = figure.Holds ? "ok" : "DROPPED by more than one question";
            output.WriteLine($"  {figure.Name,-16}{figure.Recorded,-18}{figure.Measured,-18}{verdict}");
        }
        if (figures.All(f => f.Holds) && figures.Any(f => f.Measured.Share > f.Recorded.Share))
            output.WriteLine("  better than recorded: `check --record` keeps the gain from slipping back unnoticed");
        if (figures.Any(f => !f.Holds))
        {
            output.WriteLine("quality gate FAILED: `eval content/routing/questions.jsonl` lists the held-out misses");
            return false;
        }
        output.WriteLine("quality gate passed");
        return true;
    }

    private static int Done(TextWriter output, Stopwatch clock, bool passed)
    {
        output.WriteLine();
        output.WriteLine($"check {(passed ? "passed" : "FAILED")} in {clock.Elapsed.TotalSeconds:0.0} s");
        return passed ? 0 : 1;
    }
}
