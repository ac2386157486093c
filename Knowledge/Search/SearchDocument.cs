namespace MagLearn.Knowledge.Search;

/// <summary>
/// What a knowledge index is built from: a Learn passage (a Lucene document), or, from the flows, a guided flow
/// described by its trigger phrasings (matched phrasing by phrasing, see <see cref="FlowMatcher"/>). Both are read
/// with the same analysis and term statistics, so one search of a message scores both.
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
