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
    public const string Phrasings = "phrasings";
    public const string Weight = "weight";

    /// <summary>Per-document values read while ranking candidates, kept as doc values so ranking never loads stored fields.</summary>
    public const string KindCode = "kind_code";
    public const string WeightValue = "weight_value";

    /// <summary>
    /// Query-time weights: a word in a section heading or in the phrasings people use for a page says more about
    /// what the passage answers than the same word in running text.
    /// </summary>
    public static readonly (string Field, float Boost)[] Searched =
    [
        (Heading, 2.5f),
        (Title, 1.6f),
        (Phrasings, 1.8f),
        (Body, 1.0f),
    ];

    public static readonly string[] SearchedNames = Searched.Select(f => f.Field).ToArray();
}
