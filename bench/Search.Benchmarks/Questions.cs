using System.Text.Json;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;

namespace MagLearn.Benchmarks;

/// <summary>
/// The questions the benchmarks ask: the question file named by <c>MAGLEARN_QUESTIONS</c> (JSON lines with a "text"),
/// as bench/run-all.sh hands it on, else the repository's own labeled questions (content/routing/questions.jsonl).
/// </summary>
public static class Questions
{
    public static string RepoRoot { get; } = FindRoot();

    public static string ContentFolder => Path.Combine(RepoRoot, "content");

    /// <summary>The repository's Learn pages and word lists, as the bot loads them.</summary>
    public static (LearnLibrary Library, LanguageResources Language) RealContent() =>
        (LearnLibrary.LoadFolder(Path.Combine(ContentFolder, "learn")), LanguageResources.LoadFolder(ContentFolder));

    public const string FileVariable = "MAGLEARN_QUESTIONS";

    public static IReadOnlyList<string> Load()
    {
        var file = Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } named
            ? Path.GetFullPath(named)
            : Path.Combine(ContentFolder, "routing", "questions.jsonl");
        return File.ReadLines(file).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "MagLearn.Bot.sln"))) return folder.FullName;
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "MagLearn.Bot.sln"))) return folder.FullName;
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
