using System.Text.Json;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;

namespace MagLearn.Benchmarks;

/// <summary>The questions the benchmarks ask: the shared question sample when it is beside the repository, else the pages' own phrasings.</summary>
public static class Questions
{
    public static string RepoRoot { get; } = FindRoot();

    public static string ContentFolder => Path.Combine(RepoRoot, "content");

    /// <summary>The repository's Learn pages and word lists, as the bot loads them.</summary>
    public static (LearnLibrary Library, LanguageResources Language) RealContent() =>
        (LearnLibrary.LoadFolder(Path.Combine(ContentFolder, "learn")), LanguageResources.LoadFolder(ContentFolder));

    public static IReadOnlyList<string> Load(LearnLibrary library)
    {
        var sample = Path.Combine(RepoRoot, "..", "shared", "eval", "dev-questions.jsonl");
        if (File.Exists(sample))
            return File.ReadLines(sample).Where(l => l.Trim().Length > 0)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        return library.Pages.SelectMany(p => p.Phrasings).ToList();
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
