namespace MagLearn.Bot.Flows.Definition;

/// <summary>
/// One guided flow as its author wrote it in <c>dialogs/*.yaml</c>: what it is for, the phrasings that start it,
/// and its steps. The first step is where the flow starts. Immutable; loaded at start-up, and again when a checked change replaces it.
/// </summary>
public sealed record FlowDefinition(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<FlowStep> Steps,
    string File,
    int Line)
{
    private readonly Dictionary<string, FlowStep> byId = Steps
        .GroupBy(s => s.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public FlowStep First => Steps[0];

    public FlowStep? Step(string? id) => id is null ? null : byId.GetValueOrDefault(id);
}
