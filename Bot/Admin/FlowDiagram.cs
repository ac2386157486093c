using System.Text;
using System.Text.RegularExpressions;
using MagLearn.Bot.Flows.Definition;

namespace MagLearn.Bot.Admin;

/// <summary>
/// A flow drawn as a Mermaid flowchart, straight from its definition: one box per step, shaped by kind (a question,
/// something said, a branch, an end, a hand-off, a jump to another flow), an arrow per way on with the choice or
/// answer that takes it, and on each box how many conversations reached it in the period shown.
/// </summary>
public static partial class FlowDiagram
{
    private const int LabelLength = 70;

    public static string Mermaid(FlowDefinition flow, IReadOnlyDictionary<string, int>? reached = null)
    {
        var text = new StringBuilder("flowchart TD\n");
        foreach (var step in flow.Steps)
        {
            var label = Label(Describe(step));
            if (reached is not null) label += $"<br/><b>{reached.GetValueOrDefault(step.Id)}</b> reached";
            var (open, close) = Shape(step);
            text.Append($"  {Node(step.Id)}{open}\"{label}\"{close}\n");
        }
        foreach (var step in flow.Steps)
        {
            foreach (var (target, how) in Ways(step))
                text.Append(how is null ? $"  {Node(step.Id)} --> {Node(target)}\n" : $"  {Node(step.Id)} -->|\"{Label(how)}\"| {Node(target)}\n");
        }
        if (reached is not null)
        {
            text.Append("  classDef unreached fill:#f4f4f4,stroke:#bbb,color:#888\n");
            var unreached = flow.Steps.Where(s => reached.GetValueOrDefault(s.Id) == 0).Select(s => Node(s.Id)).ToList();
            if (unreached.Count > 0) text.Append($"  class {string.Join(",", unreached)} unreached\n");
        }
        return text.ToString();
    }

    private static string Describe(FlowStep step) => step switch
    {
        AskStep ask => ask.Text,
        SayStep say => say.Text,
        ShowStep show => $"Show {show.Passage}",
        SetStep set => "Note " + string.Join(", ", set.Values.Keys),
        BranchStep branch => $"{branch.On}?",
        EndStep end => $"Resolve: {end.Cite}",
        HandoffStep handoff => $"Hand off: {handoff.Cite}",
        JumpStep jump => $"Go to {jump.Flow}" + (jump.At is null ? "" : $" at {jump.At}"),
        _ => step.Id,
    };

    private static (string Open, string Close) Shape(FlowStep step) => step switch
    {
        AskStep => ("[", "]"),
        BranchStep => ("{", "}"),
        EndStep => ("([", "])"),
        HandoffStep => ("{{", "}}"),
        JumpStep => ("[[", "]]"),
        _ => ("(", ")"),
    };

    private static IEnumerable<(string Target, string? How)> Ways(FlowStep step) => step switch
    {
        ChoiceStep choice => choice.Choices.Select(c => (c.Goto, (string?)c.Title)),
        YesNoStep yesNo => [(yesNo.Yes.Target, "yes"), (yesNo.No.Target, "no")],
        BranchStep branch => branch.Cases.Select(c => (c.Value.Target, (string?)c.Key)).Append((branch.Otherwise.Target, "otherwise")),
        _ => step.Links().Select(l => (l.Target, (string?)null)),
    };

    private static string Node(string stepId) => "s_" + NotAName().Replace(stepId, "_");

    /// <summary>Plain words Mermaid shows as they are: no Markdown, no quotes or angle brackets, one line, cut short.</summary>
    private static string Label(string text)
    {
        var plain = Spaces().Replace(text.Replace("**", "").Replace("`", ""), " ").Trim();
        if (plain.Length > LabelLength) plain = plain[..(LabelLength - 1)].TrimEnd() + "…";
        // Mermaid's own entity codes: "#quot;" stands for a quote inside a quoted label.
        return plain.Replace("#", "#35;").Replace("&", "#amp;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotAName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
