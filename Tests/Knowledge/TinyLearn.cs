using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge;

/// <summary>
/// Small Learn pages written inside a test, indexed in memory: each test sees exactly the words it is about.
/// </summary>
internal static class TinyLearn
{
    public sealed record Section(string Id, string Heading, string Body);

    /// <summary>The synonyms and stop words content authors edit, read from the repository's content folder.</summary>
    public static LanguageResources RealLanguage { get; } = LanguageResources.LoadFolder(RepoPaths.Content);

    public static Section S(string id, string heading, string body) => new(id, heading, body);

    /// <summary>A Markdown page in our content format: front matter, then one <c>## Heading {#id}</c> per section.</summary>
    public static (string File, string Markdown) Page(string id, params Section[] sections)
    {
        var markdown = $"---\nid: {id}\ntitle: {id} page\nsummary: A test page.\n---\n\n" +
                       string.Concat(sections.Select(s => $"## {s.Heading} {{#{s.Id}}}\n\n{s.Body}\n\n"));
        return ($"{id}.md", markdown);
    }

    public static LearnLibrary Library(params (string File, string Text)[] files) =>
        LearnLibrary.Load(files.Select(f => (f.File, (Func<string>)(() => f.Text))));

    public static KnowledgeIndex Index(LanguageResources language, params (string File, string Text)[] pages)
    {
        var library = Library(pages);
        Assert.Empty(library.Problems);
        return KnowledgeIndex.Build(library, language);
    }

    public static QuestionSearch SearchOf(LanguageResources language, params (string File, string Text)[] pages) =>
        new(Index(language, pages));

    /// <summary>"page#section" of each hit, best first: what a person would be shown.</summary>
    public static List<string> Ranked(this QuestionSearch search, string question, int top = 5) =>
        search.Search(question, top).Hits.Select(h => $"{h.PageId}#{h.SectionId}").ToList();
}
