using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace MagLearn.Knowledge.Analysis;

/// <summary>
/// The English analysis chain for Learn content and for questions, composed from Lucene's own parts:
/// apostrophes dropped ("can't" -> "cant", so synonyms need one spelling), standard tokenizer, lower case,
/// synonyms, stop words, Porter stemming.
///
/// Synonyms are applied when indexing only, with every rule expanded both ways: a passage that says "one time
/// password" is also indexed under "otp", "2fa" and "mfa", so the question side stays a plain list of the user's
/// own words. That keeps multi-word synonyms exact and lets the router see which of the user's words a passage
/// covered.
/// </summary>
public sealed class LearnAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly SynonymMap? synonyms;
    private readonly CharArraySet stopWords;

    private LearnAnalyzer(SynonymMap? synonyms, CharArraySet stopWords)
    {
        this.synonyms = synonyms;
        this.stopWords = stopWords;
    }

    /// <summary>The analyzer for indexing passages: synonyms expanded.</summary>
    public static LearnAnalyzer ForIndex(LanguageResources resources) => new(resources.Synonyms, resources.StopWords);

    /// <summary>The analyzer for questions: the same chain without synonym expansion.</summary>
    public static LearnAnalyzer ForQuestions(LanguageResources resources) => new(null, resources.StopWords);

    /// <summary>The front of the chain (no synonyms, stop words or stemming): the synonym rules are read with it.</summary>
    internal static Analyzer ForSynonymRules() => NewAnonymous(
        (_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
        },
        (_, reader) => DropApostrophes(reader));

    protected override TextReader InitReader(string fieldName, TextReader reader) => DropApostrophes(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var (tokenizer, front) = Front(reader);
        TokenStream stream = front;
        if (synonyms is not null) stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        return new TokenStreamComponents(tokenizer, Back(stream, stopWords));
    }

    /// <summary>The chain up to where synonyms are matched: words, lower-cased, accents folded.</summary>
    private static (Tokenizer Tokenizer, TokenStream Stream) Front(TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        return (tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
    }

    /// <summary>The chain after synonyms: stop words out, the rest stemmed.</summary>
    private static TokenStream Back(TokenStream stream, CharArraySet stopWords) =>
        new PorterStemFilter(new StopFilter(Version, stream, stopWords));

    /// <summary>The plain words of a text: lower case, accents folded, apostrophes dropped; nothing removed or stemmed.</summary>
    internal static Analyzer ForWords() => NewAnonymous(
        (_, reader) =>
        {
            var (tokenizer, stream) = Front(reader);
            return new TokenStreamComponents(tokenizer, stream);
        },
        (_, reader) => DropApostrophes(reader));

    private static readonly NormalizeCharMap Apostrophes = BuildApostropheMap();

    private static NormalizeCharMap BuildApostropheMap()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("'", "");
        builder.Add("\u2019", "");
        builder.Add("\u2018", "");
        return builder.Build();
    }

    private static TextReader DropApostrophes(TextReader reader) => new MappingCharFilter(Apostrophes, reader);
}

/// <summary>Reading an analyzer's output as plain strings.</summary>
public static class AnalyzerTerms
{
    /// <summary>The analyzed terms of a text, in order, duplicates kept.</summary>
    public static List<string> Of(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
