using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// Everything the router learns from, read from the content and the flows:
/// <list type="bullet">
/// <item>each flow's triggers (problem statements the flow handles);</item>
/// <item>page phrasings as questions to answer: on a page whose problems a flow walks through (front matter
/// <c>flow</c>), only those that ask for information ("how long does ...?"), since the rest name the flow's
/// problems; on any other page, all but those that state a problem ("edit my profile", "how do I get into
/// billing" are answered: no flow walks them);</item>
/// <item><c>routing/out-of-scope.txt</c>: messages about other systems and other things, one per line;</item>
/// <item><c>routing/questions.jsonl</c>: questions people asked, with the route each should get.</item>
/// </list>
/// A labeled question that names a flow the index does not have is left out.
/// </summary>
public sealed record RouteTrainingSet(IReadOnlyList<string> Labels, IReadOnlyList<RouteExample> Written, IReadOnlyList<LabeledQuestion> Questions)
{
    public const string Folder = "routing";
    public const string OutOfScopeFile = "out-of-scope.txt";
    public const string QuestionsFile = "questions.jsonl";

    /// <summary>The labeled questions as examples, in file order.</summary>
    public IReadOnlyList<RouteExample> Labeled { get; } = Questions.Select(q => new RouteExample(q.Text, q.Expect.Label, RouteExampleSource.Labeled)).ToList();

    public IEnumerable<RouteExample> All => Written.Concat(Labeled);

    public static RouteTrainingSet Empty { get; } = new([RouteLabels.Answer, RouteLabels.Fallback], [], []);

    public static RouteTrainingSet Load(string contentFolder, LearnLibrary library, IEnumerable<SearchDocument> flows)
    {
        var flowList = flows.Where(f => f.Kind == SearchDocument.FlowKind).ToList();
        var labels = new List<string> { RouteLabels.Answer };
        labels.AddRange(flowList.Select(f => RouteLabels.Dialog(f.PageId)).Distinct());
        labels.Add(RouteLabels.Fallback);

        var written = new List<RouteExample>();
        foreach (var flow in flowList)
            written.AddRange(flow.Phrasings.Select(t => new RouteExample(t, RouteLabels.Dialog(flow.PageId), RouteExampleSource.Trigger)));
        foreach (var page in library.Pages)
            written.AddRange(page.Phrasings.Where(p => page.Flow is null ? !MessageForm.StatesProblem(p) : MessageForm.AsksForInformation(p))
                .Select(p => new RouteExample(p, RouteLabels.Answer, RouteExampleSource.Phrasing)));
        var folder = Path.Combine(contentFolder, Folder);
        var outOfScope = Path.Combine(folder, OutOfScopeFile);
        if (File.Exists(outOfScope))
            written.AddRange(File.ReadLines(outOfScope).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => new RouteExample(l, RouteLabels.Fallback, RouteExampleSource.OutOfScope)));

        var questionFile = Path.Combine(folder, QuestionsFile);
        var questions = File.Exists(questionFile)
            ? LabeledQuestion.ReadJsonLines(questionFile).Where(q => labels.Contains(q.Expect.Label)).ToList()
            : [];
        return new RouteTrainingSet(labels, written, questions);
    }
}
