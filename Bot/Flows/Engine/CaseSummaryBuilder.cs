using System.Text.RegularExpressions;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Bot.Wording;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>Reads a case summary off the flow stack at the moment of hand-off.</summary>
public static partial class CaseSummaryBuilder
{
    public static CaseSummary Build(FlowStack stack, FlowCatalog catalog, DateTimeOffset now)
    {
        var handoff = stack.Frames.LastOrDefault(f => f.FlowId == FlowCatalog.HandoffFlowId);
        // The case is about the flow the person was in when help was needed (the innermost, if one jumped into
        // another: that is where the resolution that did not work came from).
        var subject = stack.Frames.LastOrDefault(f => f.FlowId != FlowCatalog.HandoffFlowId) ?? handoff ?? stack.Frames[0];
        var subjectFlow = catalog.Find(subject.FlowId);
        var answers = stack.Frames
            .SelectMany(f => f.Answers)
            .Select(a => new SummaryAnswer(a.StepId, QuestionOf(a.Question), a.Answer))
            .ToList();
        return new CaseSummary
        {
            Reference = CaseReference.For(handoff?.Id),
            Flow = subject.FlowId,
            FlowTitle = subjectFlow?.Title ?? subject.FlowId,
            Branch = subject == handoff ? null : subject.StepId,
            Reason = handoff?.Reason ?? Replies.AskedForAPerson,
            Answers = answers,
            UserWords = subject.Trigger ?? handoff?.Trigger,
            Details = handoff?.Values ?? new Dictionary<string, string>(),
            Created = now,
        };
    }

    /// <summary>The question itself out of a longer prompt ("So support can find you... what is your user ID?").</summary>
    private static string QuestionOf(string prompt)
    {
        var question = Sentences().Matches(prompt).Select(m => m.Value.Trim()).FirstOrDefault(s => s.EndsWith('?'));
        return Markdown().Replace(question ?? prompt, "");
    }

    [GeneratedRegex(@"[^.?!]+[.?!]?")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\*\*|__|`")]
    private static partial Regex Markdown();
}
