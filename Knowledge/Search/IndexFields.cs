namespace MagLearn.Knowledge.Search;

/// <summary>The index's field names and how each is stored and weighed.</summary>
internal static class IndexFields
{
    public const string Kind = "kind";
    public const string Page = "page";
    public const string Section = "section";
    public const string Title = "title";
    public const string Heading = "heading";
    public const string Body = "body";

    /// <summary>
    /// The page title and the phrasings people use for the page, searched as one field: both say what the whole
    /// page is about, and one field walks half the postings of two.
    /// </summary>
    public const string Topic = "topic";

    /// <summary>The page weight, read once per index into <see cref="PassageCatalog"/> with the other hit fields.</summary>
    public const string Weight = "weight";

    /// <summary>
    /// Query-time weights: a word in a section heading or in the phrasings people use for a page says more about
    /// what the passage answers than the same word in running text.
    /// </summary>
    public static readonly (string Field, float Boost)[] Searched =
    [
        (Heading, 2.5f),
        (Topic, 1.7f),
        (Body, 1.0f),
    ];

    public static readonly string[] SearchedNames = Searched.Select(f => f.Field).ToArray();
}
