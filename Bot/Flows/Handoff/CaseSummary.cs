using System.Text;
using MagLearn.Bot.Wording;

namespace MagLearn.Bot.Flows.Handoff;

/// <summary>
/// What a support agent needs to pick a conversation up without asking everything again: which flow, how far it
/// got, what the person answered, their own words and the details they chose to give. Secrets are masked before
/// anything lands here. Sent as the Value of the <c>handoff</c> event and kept in conversation state.
/// </summary>
public sealed record CaseSummary
{
    /// <summary>The case's reference (<see cref="CaseReference"/>), the same however often the turn that made it is taken.</summary>
    public required string Reference { get; init; }

    /// <summary>The flow the person was in ("support-handoff" when they asked for a person straight away).</summary>
    public required string Flow { get; init; }
    public required string FlowTitle { get; init; }

    /// <summary>The step the flow reached: the resolution that did not help, or where the person left it.</summary>
    public string? Branch { get; init; }

    public required string Reason { get; init; }
    public IReadOnlyList<SummaryAnswer> Answers { get; init; } = [];

    /// <summary>The message that started it all, in the person's own words, secrets masked.</summary>
    public string? UserWords { get; init; }

    /// <summary>What the hand-off asked for (user ID or email, Organization ID, notes), by name.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset Created { get; init; }

    /// <summary>The summary as the person sees it, so they know exactly what is passed on.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(Replies.CaseSummaryTitle + "\n\n");
        text.Append($"- {Replies.CaseReferenceLabel}: **{Reference}**\n");
        text.Append($"- {Replies.CaseTopic}: {FlowTitle}\n");
        text.Append($"- {Replies.CaseWhy}: {Reason}\n");
        if (UserWords is { Length: > 0 }) text.Append($"- {Replies.CaseInYourWords}: \"{UserWords}\"\n");
        foreach (var answer in Answers) text.Append($"- {answer.Question} **{answer.Answer}**\n");
        return text.ToString().TrimEnd();
    }
}

public sealed record SummaryAnswer(string Step, string Question, string Answer);
