using Lucene.Net.Analysis;
using Lucene.Net.Search;
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

    public string Write(Query query, string body)
    {
        if (body.Length == 0) return "";
        var scorer = new QueryScorer(query, IndexFields.Body);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("**", "**"), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentLength),
            MaxDocCharsToAnalyze = 20_000,
        };
        var fragment = highlighter.GetBestFragment(analyzer, IndexFields.Body, body);
        return Flatten(fragment ?? Opening(body));
    }

    private static string Opening(string body) =>
        body.Length <= FragmentLength ? body : body[..body.LastIndexOf(' ', FragmentLength)] + " …";

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
