using System.Collections.Concurrent;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Util.Fst;

namespace MagLearn.Knowledge.Analysis;

/// <summary>
/// The terms the index analyzer (<see cref="LearnAnalyzer.ForIndex"/>) makes of a text, as a set, without running
/// Lucene's synonym filter: the flows' matcher only asks which terms a message holds, and the filter's per-token
/// state capture and lookahead were the largest part of matching a message against the flows.
///
/// It reads the synonym map's rules out once and matches them as the filter does: at each word, the longest rule
/// whose words start there wins, its words are consumed, and its output words stand for them (with the words
/// themselves only when the rule keeps them); a word no rule starts at stands for itself. Every word then goes
/// through the rest of the chain (stop words out, the rest stemmed), once per distinct word, kept.
/// </summary>
internal sealed class SynonymExpander
{
    /// <summary>Distinct words whose stem is kept; past this they are stemmed each time.</summary>
    private const int MaxKeptWords = 20_000;

    private sealed record Rule(bool KeepsInput, string[] Terms);

    /// <summary>Any field: neither analyzer here reads it.</summary>
    private const string Field = "body";

    private readonly Analyzer front = LearnAnalyzer.ForSynonymInput();
    private readonly Analyzer oneWord;
    private readonly Dictionary<string, Rule> rules = new(StringComparer.Ordinal);

    /// <summary>The first words of every rule longer than them, joined as rules are: a match goes on only through these.</summary>
    private readonly HashSet<string> openings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> stems = new(StringComparer.Ordinal);

    /// <summary>Stands for "a stop word" in the kept stems (no term is empty).</summary>
    private const string Dropped = "";

    public SynonymExpander(LanguageResources language)
    {
        oneWord = LearnAnalyzer.ForOneWord(language.StopWords);
        if (language.Synonyms is not { Fst: not null } map) return;
        var fstEnum = new Int32sRefFSTEnum<BytesRef>(map.Fst);
        var phrase = new BytesRef();
        while (fstEnum.MoveNext())
        {
            var entry = fstEnum.Current;
            var input = new StringBuilder();
            for (var i = 0; i < entry.Input.Length; i++) AppendCodePoint(input, entry.Input.Int32s[entry.Input.Offset + i]);
            var output = entry.Output;
            var reader = new ByteArrayDataInput(output.Bytes, output.Offset, output.Length);
            var code = reader.ReadVInt32();
            var terms = new List<string>();
            for (var n = code >>> 1; n > 0; n--)
            {
                map.Words.Get(reader.ReadVInt32(), phrase);
                foreach (var word in phrase.Utf8ToString().Split(SynonymMap.WORD_SEPARATOR))
                    if (Term(word) is { } term) terms.Add(term);
            }
            var key = input.ToString();
            rules[key] = new Rule((code & 1) == 0, terms.Distinct().ToArray());
            for (var end = key.IndexOf(SynonymMap.WORD_SEPARATOR); end > 0; end = key.IndexOf(SynonymMap.WORD_SEPARATOR, end + 1))
                openings.Add(key[..end]);
        }
    }

    /// <summary>The index analyzer's terms of <paramref name="text"/>, added to <paramref name="terms"/> (repeats allowed).</summary>
    public void AddTerms(string text, List<string> terms)
    {
        var words = AnalyzerTerms.Of(front, Field, text);
        var lowered = words.ConvertAll(Lowered);
        for (var at = 0; at < words.Count;)
        {
            // The longest rule that starts here, as the filter finds it: word by word while some rule goes on.
            Rule? match = null;
            var matched = 0;
            var key = "";
            for (var length = 1; at + length <= words.Count; length++)
            {
                key = length == 1 ? lowered[at] : string.Concat(key, SynonymMap.WORD_SEPARATOR.ToString(), lowered[at + length - 1]);
                if (rules.TryGetValue(key, out var rule)) (match, matched) = (rule, length);
                if (!openings.Contains(key)) break;
            }
            if (match is null)
            {
                if (Term(words[at]) is { } alone) terms.Add(alone);
                at++;
                continue;
            }
            terms.AddRange(match.Terms);
            if (match.KeepsInput)
                for (var i = at; i < at + matched; i++)
                    if (Term(words[i]) is { } kept) terms.Add(kept);
            at += matched;
        }
    }

    /// <summary>The synonym filter compares lower-cased code points (it is built to ignore case).</summary>
    private static string Lowered(string word)
    {
        var plain = true;
        foreach (var c in word) plain &= c < 128 && c is not (>= 'A' and <= 'Z');
        if (plain) return word;
        var lowered = new StringBuilder(word.Length);
        // As the filter reads code points: a lone surrogate is read (and kept) as itself.
        for (var i = 0; i < word.Length; i += char.IsSurrogatePair(word, i) ? 2 : 1)
            AppendCodePoint(lowered, J2N.Character.ToLower(char.IsSurrogatePair(word, i) ? char.ConvertToUtf32(word[i], word[i + 1]) : word[i]));
        return lowered.ToString();
    }

    /// <summary>A code point as UTF-16; a lone surrogate (which the filter can meet in hostile text) as itself.</summary>
    private static void AppendCodePoint(StringBuilder text, int codePoint)
    {
        if (codePoint < 0x10000) text.Append((char)codePoint);
        else text.Append(char.ConvertFromUtf32(codePoint));
    }

    /// <summary>A word through the rest of the chain: its stem, or null for a stop word.</summary>
    private string? Term(string word)
    {
        if (stems.TryGetValue(word, out var kept)) return kept.Length == 0 ? null : kept;
        var stem = AnalyzerTerms.Of(oneWord, Field, word).FirstOrDefault();
        if (stems.Count < MaxKeptWords) stems.TryAdd(word, stem ?? Dropped);
        return stem;
    }
}
