namespace MagLearn.Tests.Support;

/// <summary>Where the repository's own folders are, found from the test binary upwards.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");
    public static string LearnPages => Path.Combine(Content, "learn");
    public static string Dialogs => Path.Combine(Root, "dialogs");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MagLearn.Bot.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("MagLearn.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
