using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;

namespace MagLearn.Knowledge.Analysis;

/// <summary>
/// The editable word lists that shape analysis: the synonym map (Solr format, <c>synonyms.txt</c>) and the extra
/// stop words (<c>stopwords.txt</c>: chat fillers such as "pls" or "gonna" on top of Lucene's English list).
/// </summary>
public sealed class LanguageResources
{
    public SynonymMap? Synonyms { get; }
    public CharArraySet StopWords { get; }

    public LanguageResources(SynonymMap? synonyms, CharArraySet stopWords)
    {
        Synonyms = synonyms;
        StopWords = stopWords;
    }

    public static LanguageResources Empty { get; } = new(null, CharArraySet.Empty);

    /// <summary>Reads synonyms.txt and stopwords.txt from a folder; a missing file means none.</summary>
    public static LanguageResources LoadFolder(string folder)
    {
        var synonymsFile = Path.Combine(folder, "synonyms.txt");
        var stopWordsFile = Path.Combine(folder, "stopwords.txt");
        var synonyms = File.Exists(synonymsFile) ? ParseSynonyms(File.ReadAllText(synonymsFile), synonymsFile) : null;
        // A file with comments and no rule builds a map without an FST, which Lucene's synonym filter refuses.
        if (synonyms?.Fst is null) synonyms = null;
        var stopWords = File.Exists(stopWordsFile) ? ParseStopWords(File.ReadAllText(stopWordsFile)) : [];
        return new LanguageResources(synonyms, StopWordsWith(stopWords));
    }

    public static CharArraySet StopWordsWith(IEnumerable<string> extra)
    {
        var set = new CharArraySet(LearnAnalyzer.Version, Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        foreach (var word in extra) set.Add(word.Replace("'", "").Replace("\u2019", ""));
        return set;
    }

    public static IEnumerable<string> ParseStopWords(string text) =>
        text.Split('\n')
            .Select(line => line.Split('#')[0].Trim())
            .Where(word => word.Length > 0);

    /// <summary>Parses Solr-format synonym rules; a bad rule is reported with its line number.</summary>
    public static SynonymMap ParseSynonyms(string rules, string sourceName = "synonyms")
    {
        var parser = new SolrSynonymParser(dedup: true, expand: true, LearnAnalyzer.ForSynonymRules());
        try
        {
            parser.Parse(new StringReader(rules));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException($"{sourceName}: {e.Message}", e);
        }
        return parser.Build();
    }

    /// <summary>
    /// Every synonym rule that does not parse, by line. Each rule is parsed alone: the parser of the whole file stops
    /// at the first bad rule and its message does not always say where, and an author wants every bad line at once.
    /// </summary>
    public static IReadOnlyList<(int Line, string Problem)> SynonymProblems(string rules)
    {
        var problems = new List<(int, string)>();
        var lines = rules.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var rule = lines[i].Trim();
            if (rule.Length == 0 || rule.StartsWith('#')) continue;
            try
            {
                ParseSynonyms(rule);
            }
            catch (FormatException e)
            {
                problems.Add((i + 1, (e.InnerException ?? e).Message));
            }
        }
        return problems;
    }
}
