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
    public const string PassageKind = "passage";
    public const string FlowKind = "flow";
}
