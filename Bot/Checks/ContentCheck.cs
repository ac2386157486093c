using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Menu;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;

namespace MagLearn.Bot.Checks;

/// <summary>What one check of the files found, and what it read: the flows and menu are only usable when nothing was found.</summary>
public sealed record ContentCheckResult(IReadOnlyList<ContentIssue> Issues, LearnLibrary Library, IReadOnlyList<FlowDefinition> Flows,
    HelpMenu? Menu, int SynonymRules, int LabeledQuestions)
{
    public bool Passed => Issues.Count == 0;
}

/// <summary>
/// Reads everything authors edit, the way the bot reads it, and lists every problem by file and line: pages without
/// a summary or sections, synonym rules that do not parse, labeled questions that do not parse or name a page or
/// flow that does not exist, dialog files that do not validate (a cited passage that is gone among them), and the
/// help menu. The <c>check</c> command and the hot reload both use it, so what CI refuses is what a running bot refuses.
/// </summary>
public static class ContentCheck
{
    public static ContentCheckResult Run(ContentFolders folders)
    {
        var issues = new List<ContentIssue>();
        var root = Path.GetDirectoryName(Path.GetFullPath(folders.Content)) ?? folders.Content;
        void Issue(string file, int line, string message) => issues.Add(new ContentIssue(Shown(file, root), line, message));

        var library = LearnLibrary.LoadFolder(Path.Combine(folders.Content, "learn"));
        foreach (var problem in library.Problems) Issue(problem.File, problem.Line, problem.Reason);
        foreach (var page in library.Pages.Where(p => string.IsNullOrWhiteSpace(p.Summary)))
            Issue(page.SourceFile, 0, $"page '{page.Id}' has no summary: give it 'summary' in the front matter or a paragraph before the first section");

        var synonymRules = CheckSynonyms(Path.Combine(folders.Content, "synonyms.txt"), Issue);
        var (flows, menu) = CheckFlows(folders.Dialogs, library, Issue);
        var questions = CheckQuestions(Path.Combine(folders.Content, RouteTrainingSet.Folder, RouteTrainingSet.QuestionsFile), library, flows, Issue);
        return new ContentCheckResult(issues, library, flows, menu, synonymRules, questions);
    }

    private static int CheckSynonyms(string file, Action<string, int, string> issue)
    {
        if (!File.Exists(file)) return 0;
        var text = File.ReadAllText(file);
        foreach (var (line, problem) in LanguageResources.SynonymProblems(text)) issue(file, line, "the synonym rule does not parse: " + problem);
        return text.Split('\n').Select(l => l.Trim()).Count(l => l.Length > 0 && !l.StartsWith('#'));
    }

    /// <summary>
    /// The flows, checked together against the pages as they are now, and the help menu against the flows; no flows
    /// when any file is broken.
    /// </summary>
    private static (IReadOnlyList<FlowDefinition> Flows, HelpMenu? Menu) CheckFlows(string folder, LearnLibrary library, Action<string, int, string> issue)
    {
        IReadOnlyList<FlowDefinition> flows;
        try
        {
            flows = FlowLoader.LoadFolder(folder, library, [FlowCatalog.HandoffFlowId]);
        }
        catch (FlowLoadException e)
        {
            foreach (var problem in e.Problems) issue(problem.File, problem.Line, problem.Message);
            return ([], null);
        }
        var file = HelpMenuReader.FileIn(folder);
        try
        {
            return (flows, HelpMenuReader.Load(file, new FlowCatalog(flows)));
        }
        catch (FlowLoadException e)
        {
            foreach (var problem in e.Problems) issue(problem.File, problem.Line, problem.Message);
            return (flows, null);
        }
    }

    /// <summary>
    /// The labeled questions must parse, and what they expect must exist: the router leaves out a question whose flow
    /// is gone, and a page renamed under a question makes its top-1 figure quietly worse.
    /// </summary>
    private static int CheckQuestions(string file, LearnLibrary library, IReadOnlyList<FlowDefinition> flows, Action<string, int, string> issue)
    {
        if (!File.Exists(file)) return 0;
        List<LabeledQuestion> questions;
        try
        {
            questions = LabeledQuestion.ReadJsonLines(file);
        }
        catch (FormatException e)
        {
            issue(file, 0, e.Message);
            return 0;
        }
        // ReadJsonLines skips blank lines, so the n-th question is on the n-th line that is not blank.
        var lines = File.ReadLines(file).Select((text, i) => (text, Line: i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.text)).Select(l => l.Line).ToList();
        for (var i = 0; i < questions.Count; i++)
        {
            var expect = questions[i].Expect;
            foreach (var page in (expect.Pages ?? []).Where(p => library.Find(p) is null))
                issue(file, lines[i], $"question {questions[i].Id} expects Learn page '{page}', which does not exist");
            if (expect.Route == "dialog" && flows.Count > 0 && flows.All(f => f.Id != expect.Dialog))
                issue(file, lines[i], $"question {questions[i].Id} expects flow '{expect.Dialog}', which does not exist");
        }
        return questions.Count;
    }

    /// <summary>A file under the repository is shown from there (content/learn/x.md), anything else in full.</summary>
    private static string Shown(string file, string root)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(file));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
