using MagLearn.Bot.Checks;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Checks;

/// <summary>
/// A temporary copy of the repository's <c>content/</c> and <c>dialogs/</c> side by side, for a test to break.
/// </summary>
public sealed class ContentCopy : IDisposable
{
    public ContentCopy()
    {
        Root = Directory.CreateTempSubdirectory("maglearn-checks-").FullName;
        Copy(RepoPaths.Content, Content);
        Copy(RepoPaths.Dialogs, Dialogs);
    }

    public string Root { get; }
    public string Content => Path.Combine(Root, "content");
    public string Dialogs => Path.Combine(Root, "dialogs");
    public ContentFolders Folders => new(Content, Dialogs);

    /// <summary>The copy's file at a path relative to the copy's root, as the check names it (content/synonyms.txt).</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text) => File.WriteAllText(PathOf(relative), text);

    /// <summary>The 1-based line of the first line of a file that contains <paramref name="marker"/>.</summary>
    public int LineOf(string relative, string marker) =>
        File.ReadAllLines(PathOf(relative)).Select((l, i) => (l, i)).First(p => p.l.Contains(marker, StringComparison.Ordinal)).i + 1;

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher of a host under test may still hold the folder for a moment; the temp folder is cleaned later.
        }
    }
}
