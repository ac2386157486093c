using MagLearn.Bot.Checks;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Knowledge.Content;
using MagLearn.Tests.Flows.Support;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Checks;

/// <summary>
/// The content check names every problem an author can make by file and line, on a copy of the repository's
/// content and dialogs with one thing broken.
/// </summary>
public sealed class ContentCheckTests : IDisposable
{
    private readonly ContentCopy copy = new();

    public void Dispose() => copy.Dispose();

    private ContentCheckResult Check() => ContentCheck.Run(copy.Folders);

    [Fact]
    public void The_repository_content_and_dialogs_pass()
    {
        var result = ContentCheck.Run(new ContentFolders(RepoPaths.Content, RepoPaths.Dialogs));

        Assert.Equal([], result.Issues.Select(i => i.ToString()));
        Assert.NotEmpty(result.Flows);
    }

    [Fact]
    public void A_passage_a_flow_cites_removed_from_its_page_fails_naming_the_flow_file_the_line_and_the_passage()
    {
        var (flow, cite) = FlowPaths.Catalog.Flows.SelectMany(f => f.Steps.SelectMany(s => s.Cites()).Select(c => (f, c))).First();
        var page = DialogFolder.Learn.Find(cite.Page)!;
        var pageFile = Path.Combine("content", "learn", Path.GetFileName(page.SourceFile));
        copy.Write(pageFile, WithoutSection(copy.Read(pageFile), DialogFolder.Learn.Find(cite.Page, cite.Section)!));

        var issue = Assert.Single(Check().Issues, i => i.Message.Contains($"unknown section '{cite.Section}' on Learn page '{cite.Page}'") && i.Line == cite.Line);

        Assert.Equal(Path.Combine("dialogs", Path.GetFileName(flow.File)), issue.File);
    }

    [Fact]
    public void A_synonym_line_that_does_not_parse_fails_naming_its_line()
    {
        var lines = copy.Read("content/synonyms.txt").Split('\n').ToList();
        lines.Insert(20, "password => secret => pass phrase");
        copy.Write("content/synonyms.txt", string.Join('\n', lines));

        var issue = Assert.Single(Check().Issues);

        Assert.Equal(Path.Combine("content", "synonyms.txt"), issue.File);
        Assert.Equal(21, issue.Line);
        Assert.Contains("synonym rule does not parse", issue.Message);
    }

    [Fact]
    public void A_flow_step_leading_nowhere_fails_naming_the_file_and_line()
    {
        const string file = "dialogs/login-assistance.yaml";
        var choice = FlowPaths.Catalog.Find("login-assistance")!.Steps.OfType<ChoiceStep>().First().Choices[0];
        var lines = copy.Read(file).Split('\n');
        Assert.Contains($"goto: {choice.Goto}", lines[choice.Line - 1]);
        lines[choice.Line - 1] = lines[choice.Line - 1].Replace($"goto: {choice.Goto}", "goto: no-such-step");
        copy.Write(file, string.Join('\n', lines));

        var issues = Check().Issues;

        Assert.Contains(issues, i => i.File == Path.Combine("dialogs", "login-assistance.yaml") && i.Line == choice.Line && i.Message.Contains("unknown step 'no-such-step'"));
    }

    [Fact]
    public void A_page_without_a_summary_fails_naming_the_page()
    {
        copy.Write("content/learn/quokkas.md", "---\nid: quokkas\ntitle: Quokkas\n---\n\n## Feeding {#feeding}\n\nQuokkas eat leaves.\n");

        var issue = Assert.Single(Check().Issues);

        Assert.Equal(Path.Combine("content", "learn", "quokkas.md"), issue.File);
        Assert.Contains("page 'quokkas' has no summary", issue.Message);
    }

    [Fact]
    public void A_page_without_sections_fails_naming_the_file()
    {
        copy.Write("content/learn/quokkas.md", "---\nid: quokkas\ntitle: Quokkas\nsummary: All about quokkas.\n---\n\nQuokkas eat leaves.\n");

        var issue = Assert.Single(Check().Issues);

        Assert.Equal(Path.Combine("content", "learn", "quokkas.md"), issue.File);
        Assert.Contains("no '## ' sections", issue.Message);
    }

    [Fact]
    public void A_page_with_broken_front_matter_fails_naming_the_line()
    {
        copy.Write("content/learn/quokkas.md", "---\nid: quokkas\ntitle: [Quokkas\nsummary: All about quokkas.\n---\n\n## Feeding\n\nLeaves.\n");

        var issue = Assert.Single(Check().Issues);

        Assert.Equal(Path.Combine("content", "learn", "quokkas.md"), issue.File);
        Assert.InRange(issue.Line, 2, 5);
        Assert.Contains("front matter is not valid YAML", issue.Message);
    }

    [Fact]
    public void A_labeled_question_expecting_a_page_that_does_not_exist_fails_naming_its_line()
    {
        const string file = "content/routing/questions.jsonl";
        File.AppendAllText(copy.PathOf(file), """{"id": "q-gone", "text": "where are the quokkas", "expect": {"route": "answer", "pages": ["quokkas"]}}""" + "\n");
        var line = copy.LineOf(file, "q-gone");

        var issue = Assert.Single(Check().Issues);

        Assert.Equal((Path.Combine("content", "routing", "questions.jsonl"), line), (issue.File, issue.Line));
        Assert.Contains("expects Learn page 'quokkas'", issue.Message);
    }

    /// <summary>The page's Markdown without the <c>##</c> section of <paramref name="passage"/> (heading and body).</summary>
    private static string WithoutSection(string markdown, Passage passage)
    {
        var lines = markdown.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("## ", StringComparison.Ordinal) &&
                                         (l.Contains($"{{#{passage.SectionId}}}", StringComparison.Ordinal) || l[3..].Trim() == passage.Heading));
        Assert.True(start >= 0, $"section '{passage.SectionId}' not found on its page");
        var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        return string.Join('\n', lines);
    }
}
