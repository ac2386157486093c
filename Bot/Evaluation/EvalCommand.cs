using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Evaluation;

namespace MagLearn.Bot.Evaluation;

/// <summary>
/// <c>dotnet run --project Bot -- eval FILE.jsonl [--baseline] [--quiet]</c>: runs a question file through the
/// bot's own router (built by the same host wiring) and prints the quality figures and every miss.
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
        var file = args.FirstOrDefault(a => !a.StartsWith("--"));
        if (file is null)
        {
            output.WriteLine("usage: eval FILE.jsonl [--baseline] [--quiet]");
            return 2;
        }
        List<EvalQuestion> questions;
        try
        {
            questions = EvalQuestion.ReadJsonLines(file);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            output.WriteLine($"eval: {e.Message}");
            return 2;
        }
        var router = services.GetRequiredService<AskRouter>();
        var report = Evaluator.Run(router, questions);
        output.WriteLine(args.Contains(BaselineSwitch)
            ? "search: baseline (StandardAnalyzer, no synonyms, no boosts, no typo correction)"
            : "search: tuned");
        report.Write(output, showMisses: !args.Contains("--quiet"));
        return 0;
    }
}
