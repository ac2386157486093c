using MagLearn.Bot.Flows.Definition;
using MagLearn.Knowledge.Content;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Flows.Support;

/// <summary>
/// A temporary dialogs folder a test writes YAML into, checked against the repository's real Learn pages. It
/// starts with a minimal valid support-handoff flow, because the engine requires one.
/// </summary>
public sealed class DialogFolder : IDisposable
{
    public const string MinimalHandoff = """
        id: support-handoff
        title: Talk to a person
        description: Hands the conversation to a person.
        triggers:
          - talk to a person
        steps:
          - id: handoff
            handoff: Here is a summary for support.
            cite: {page: login-assistance, section: still-stuck}
        """;

    public static LearnLibrary Learn { get; } = LearnLibrary.LoadFolder(RepoPaths.LearnPages);

    public DialogFolder(bool withHandoff = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "maglearn-dialogs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (withHandoff) Write("support-handoff.yaml", MinimalHandoff);
    }

    public string Path { get; }

    /// <summary>Writes a dialog file and returns its full path, as problems name it.</summary>
    public string Write(string name, string yaml)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, yaml.ReplaceLineEndings("\n"));
        return file;
    }

    public FlowCatalog Load() => FlowCatalog.Load(Path, Learn);

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>.</summary>
    public static int LineOf(string yaml, string marker)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        if (index < 0) throw new ArgumentException($"'{marker}' is not in the YAML");
        return index + 1;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
