namespace MagLearn.Knowledge.Search;

/// <summary>
/// One ranked result. <see cref="Coverage"/> is the share of the question's meaningful words (weighted by how
/// rare they are) that this hit contains; <see cref="Score"/> blends it with the hit's relevance, in 0..1.
/// </summary>
public sealed record SearchHit(
    string Kind,
    string PageId,
    string SectionId,
    string Title,
    string Heading,
    Snippet Snippet,
    float RawScore,
    double Coverage,
    double Score)
{
    /// <summary>The hit's document number in its index; -1 for a flow.</summary>
    public int Doc { get; init; } = -1;

    /// <summary>The question's words (as analyzed) that this hit holds.</summary>
    public IReadOnlyList<string> MatchedWords { get; init; } = [];
}

/// <summary>What the search understood of a question: its words, and which of them the content knows.</summary>
public sealed record QuestionProfile(IReadOnlyList<string> Terms, IReadOnlyList<string> UnknownTerms, IReadOnlyDictionary<string, string> Corrections)
{
    public static QuestionProfile Empty { get; } = new([], [], new Dictionary<string, string>());

    /// <summary>The index terms searched for: each known word, and the corrections of each mistyped one.</summary>
    public IReadOnlyList<string> Searched { get; init; } = [];
    public bool HasTerms => Terms.Count > 0;
}

/// <summary>The passages that answer a question, best first, and the guided flows that fit it, best first.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, QuestionProfile Profile)
{
    public IReadOnlyList<SearchHit> Flows { get; init; } = [];

    public static SearchResult None(QuestionProfile profile) => new([], profile);
}
