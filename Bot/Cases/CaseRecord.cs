using MagLearn.Bot.Flows.Handoff;

namespace MagLearn.Bot.Cases;

/// <summary>
/// A case handed to Exostar Customer Support, as recorded: the summary the person saw (secrets already masked), the
/// conversation a support agent picks up, when it was recorded and when the hand-off event went out.
/// </summary>
public sealed record CaseRecord(
    string Reference,
    string? Channel,
    string? Conversation,
    CaseSummary Summary,
    DateTimeOffset Recorded,
    DateTimeOffset? Forwarded = null);

/// <summary>What the store holds for a reference after an add: the case just added, or the one recorded before.</summary>
public sealed record CaseAdded(CaseRecord Stored, bool IsNew);
