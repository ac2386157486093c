using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search.Highlight;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// The best short fragment of a passage for a question, with where the matching words are. The body is
/// re-analyzed with the index analyzer, so a synonym match ("2FA" for a question about "MFA") is marked too.
/// </summary>
internal sealed class SnippetWriter
{
    public const int FragmentLength = 220;

    /// <summary>
    /// Lucene's highlighter marks the words with text around them; these two characters cannot occur in a
    /// passage (they are stripped from it first), so reading the marks back out is exact.
    /// </summary>
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    private readonly Analyzer analyzer;

    public SnippetWriter(Analyzer analyzer) => this.analyzer = analyzer;

    /// <summary>
    /// Scores fragments by the question's index terms alone. A term scorer needs no positions, where a query
    /// scorer given phrase clauses builds an in-memory index per passage, several times the cost of the search.
    /// </summary>
    public Snippet Write(IEnumerable<string> terms, string body)
    {
        if (body.Length == 0) return Snippet.None;
        body = body.Replace(Open, ' ').Replace(Close, ' ');
        var weighted = terms.Distinct().Select(t => new WeightedTerm(1f, t)).ToArray();
        var highlighter = new Highlighter(new SimpleHTMLFormatter(Open.ToString(), Close.ToString()), new QueryTermScorer(weighted))
        {
            TextFragmenter = new SimpleFragmenter(FragmentLength),
            MaxDocCharsToAnalyze = 20_000,
        };
        var fragment = highlighter.GetBestFragment(analyzer, IndexFields.Body, body);
        return Unmark(Flatten(fragment ?? Opening(body)));
    }

    /// <summary>The marked text as plain text plus the marked runs' offsets in it.</summary>
    private static Snippet Unmark(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var highlights = new List<Highlight>();
        var start = -1;
        foreach (var c in marked)
        {
            if (c == Open) start = text.Length;
            else if (c == Close && start >= 0)
            {
                if (text.Length > start) highlights.Add(new Highlight(start, text.Length - start));
                start = -1;
            }
            else text.Append(c);
        }
        return new Snippet(text.ToString(), highlights);
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
