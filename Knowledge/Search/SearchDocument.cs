namespace MagLearn.Knowledge.Search;

/// <summary>
/// What the index holds: a Learn passage, or (from the flows) a guided flow described by its trigger phrasings.
/// Both kinds live in one index so that one search ranks them against each other.
/// </summary>
public sealed record SearchDocument(
    string Kind,
    string PageId,
    string SectionId,
    string Title,
    string Heading,
    string Text,
    IReadOnlyList<string> Phrasings)
{
    /// <summary>
    /// How much a hit on this document counts against others (1 by default). Overview pages (the hub, the FAQ)
    /// repeat in brief what a specific page says in full, so they yield when both fit.
    /// </summary>
    public double Weight { get; init; } = 1.0;

    public const string PassageKind = "passage";
    public const string FlowKind = "flow";
}
