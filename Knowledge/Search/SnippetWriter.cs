using Lucene.Net.Analysis;
using Lucene.Net.Search.Highlight;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// The best short fragment of a passage for a question, with the matching words in Markdown bold. The body is
/// re-analyzed with the index analyzer, so a synonym match ("2FA" for a question about "MFA") is marked too.
/// </summary>
internal sealed class SnippetWriter
{
    public const int FragmentLength = 220;

    private readonly Analyzer analyzer;

    public SnippetWriter(Analyzer analyzer) => this.analyzer = analyzer;

    /// <summary>
    /// Scores fragments by the question's index terms alone. A term scorer needs no positions, where a query
    /// scorer given phrase clauses builds an in-memory index per passage, several times the cost of the search.
    /// </summary>
    public string Write(IEnumerable<string> terms, string body)
    {
        if (body.Length == 0) return "";
        var weighted = terms.Distinct().Select(t => new WeightedTerm(1f, t)).ToArray();
        var scorer = new QueryTermScorer(weighted);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("**", "**"), scorer)
        {
            TextFragmenter = new SimpleFragmenter(FragmentLength),
            MaxDocCharsToAnalyze = 20_000,
        };
        var fragment = highlighter.GetBestFragment(analyzer, IndexFields.Body, body);
        return Flatten(fragment ?? Opening(body));
    }

    /// <summary>The passage's first words, cut at a word boundary when there is one.</summary>
    private static string Opening(string body)
    {
        if (body.Length <= FragmentLength) return body;
        var cut = body.LastIndexOf(' ', FragmentLength);
        return body[..(cut > 0 ? cut : FragmentLength)] + " …";
    }

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
