namespace MagLearn.Knowledge.Content;

/// <summary>
/// The Learn pages read from a content folder. A file that fails to read is recorded in <see cref="Problems"/>
/// with its reason and the rest still load, so one bad edit never takes the whole help site down.
/// </summary>
public sealed class LearnLibrary
{
    public IReadOnlyList<LearnPage> Pages { get; }
    public IReadOnlyList<ContentProblem> Problems { get; }

    public LearnLibrary(IReadOnlyList<LearnPage> pages, IReadOnlyList<ContentProblem> problems)
    {
        Pages = pages;
        Problems = problems;
        byId = pages.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, LearnPage> byId;

    public LearnPage? Find(string pageId) => byId.GetValueOrDefault(pageId);

    public Passage? Find(string pageId, string sectionId) =>
        Find(pageId)?.Passages.FirstOrDefault(p => p.SectionId == sectionId);

    public IEnumerable<Passage> Passages => Pages.SelectMany(p => p.Passages);

    public static readonly string[] Extensions = [".md", ".markdown", ".html", ".htm"];

    public static LearnLibrary LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            return new LearnLibrary([], [new ContentProblem(folder, "the content folder does not exist")]);

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        return Load(files.Select(f => (f, (Func<string>)(() => File.ReadAllText(f)))));
    }

    public static LearnLibrary Load(IEnumerable<(string File, Func<string> Read)> files)
    {
        var pages = new List<LearnPage>();
        var problems = new List<ContentProblem>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, read) in files)
        {
            try
            {
                var page = ReadPage(file, read());
                if (owners.TryGetValue(page.Id, out var first))
                {
                    problems.Add(new ContentProblem(file, $"page id '{page.Id}' is already used by {first}"));
                    continue;
                }
                owners[page.Id] = file;
                pages.Add(page);
            }
            catch (PageFormatException e)
            {
                problems.Add(new ContentProblem(file, e.Problem) { Line = e.Line });
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new ContentProblem(file, e.Message));
            }
        }
        return new LearnLibrary(pages, problems);
    }

    public static LearnPage ReadPage(string file, string text) =>
        Path.GetExtension(file).ToLowerInvariant() is ".html" or ".htm"
            ? HtmlPageReader.Read(text, file)
            : MarkdownPageReader.Read(text, file);
}
