using MagLearn.Knowledge.Analysis;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// The shape of a message in words: its single words and neighbouring pairs, how it opens ("^how", "^how do",
/// "^my"), and whether it asks ("?"). A sentence embedding says what a message is about; these say what it does
/// with it: "what does error 2035 mean" asks for information, "I get error 2035" states a problem, and the two are
/// close in meaning. Only grams seen in at least <see cref="MinimumCount"/> training messages are kept, so what
/// the router learns from them is a habit of many people, not one sample's wording.
/// </summary>
internal sealed class WordGrams
{
    public const int MinimumCount = 3;

    private static readonly Lucene.Net.Analysis.Analyzer Words = LearnAnalyzer.ForWords();

    private readonly Dictionary<string, int> numbers;

    private WordGrams(Dictionary<string, int> numbers) => this.numbers = numbers;

    public int Count => numbers.Count;

    public IEnumerable<string> Grams => numbers.OrderBy(n => n.Value).Select(n => n.Key);

    public static WordGrams Learn(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var gram in Of(text).Distinct())
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
        var kept = counts.Where(c => c.Value >= MinimumCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        return new WordGrams(kept.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal));
    }

    public static WordGrams From(IEnumerable<string> grams) =>
        new(grams.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal));

    /// <summary>Sets <paramref name="value"/> at the number of each kept gram the text has.</summary>
    public void Mark(string text, Span<float> features, float value)
    {
        foreach (var gram in Of(text))
            if (numbers.TryGetValue(gram, out var number)) features[number] = value;
    }

    public IEnumerable<string> Present(string text) => Of(text).Where(numbers.ContainsKey).Distinct();

    private static IEnumerable<string> Of(string text)
    {
        var words = AnalyzerTerms.Of(Words, "words", text);
        for (var i = 0; i < words.Count; i++)
        {
            yield return words[i];
            if (i + 1 < words.Count) yield return words[i] + " " + words[i + 1];
        }
        if (words.Count > 0) yield return "^" + words[0];
        if (words.Count > 1) yield return "^" + words[0] + " " + words[1];
        if (text.Contains('?')) yield return "?";
    }
}
