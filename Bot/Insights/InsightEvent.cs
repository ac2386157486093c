namespace MagLearn.Bot.Insights;

/// <summary>What an event records.</summary>
public enum InsightKind
{
    /// <summary>A message routed outside a flow: its route, confidence, page or flow.</summary>
    Turn,

    /// <summary>"Did this help?" answered: for a passage (page and section) or at a flow's end (flow and step).</summary>
    Feedback,

    /// <summary>A flow started.</summary>
    FlowStarted,

    /// <summary>A flow reached a step (every step it ran).</summary>
    FlowStep,

    /// <summary>A flow's resolution solved it ("Did that solve it?" yes).</summary>
    FlowCompleted,

    /// <summary>A person stopped a flow (cancel).</summary>
    FlowAbandoned,

    /// <summary>A flow handed the conversation to a person: the reason and the case summary.</summary>
    Handoff,
}

/// <summary>
/// One thing that happened in a conversation, as the insights keep it: never the person's words unredacted, never
/// their name; the conversation only as an opaque key, to count conversations and follow a flow's funnel.
/// </summary>
public sealed record InsightEvent
{
    public required DateTimeOffset Time { get; init; }
    public required InsightKind Kind { get; init; }

    /// <summary>An opaque key of the conversation (a hash of its channel and id).</summary>
    public required string Conversation { get; init; }

    public string? Channel { get; init; }

    /// <summary>For a turn: "answer", "dialog", "fallback", "person" or "smalltalk".</summary>
    public string? Route { get; init; }

    /// <summary>The question, redacted (secrets masked); null for events that are not about one.</summary>
    public string? Question { get; init; }

    public double? Confidence { get; init; }
    public string? Page { get; init; }
    public string? Section { get; init; }
    public string? Flow { get; init; }
    public string? Step { get; init; }

    /// <summary>For feedback: whether it helped.</summary>
    public bool? Helpful { get; init; }

    /// <summary>For a hand-off: why, and the case summary (Markdown, redacted).</summary>
    public string? Reason { get; init; }
    public string? Summary { get; init; }

    /// <summary>The content index the decision was made on, so a change of content can be told apart in the figures.</summary>
    public string? IndexVersion { get; init; }

    public double? LatencyMs { get; init; }
}
