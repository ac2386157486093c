using Lucene.Net.Index;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// One meaningful word of a question and the index terms that stand for it: itself when the content knows it,
/// otherwise the closest spellings the content does know ("pasword" -> "password"), or nothing.
/// </summary>
internal sealed record QuestionTerm(string Word, IReadOnlyList<string> Alternatives, bool Corrected, double Weight, int Frequency)
{
    public bool Known => Alternatives.Count > 0;

    /// <summary>
    /// Reads the distinct words of a question and resolves each against the index. Typos are only corrected for
    /// words the content does not contain, so a correct word is never traded for a near neighbour.
    /// </summary>
    public static List<QuestionTerm> Resolve(IReadOnlyList<string> words, IndexReader reader, Vocabulary? vocabulary)
    {
        var result = new List<QuestionTerm>(Math.Min(words.Count, MaxTerms));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (result.Count == MaxTerms) break;
            if (!seen.Add(word)) continue;
            result.Add(ResolveOne(word, reader, vocabulary));
        }
        return result;
    }

    private static QuestionTerm ResolveOne(string word, IndexReader reader, Vocabulary? vocabulary)
    {
        var documents = Math.Max(reader.NumDocs, 1);
        var frequency = DocumentFrequency(reader, word);
        if (frequency > 0) return new QuestionTerm(word, [word], false, Idf(frequency, documents), frequency);
        var corrections = vocabulary is null ? [] : Corrections(word, vocabulary);
        var bestFrequency = corrections.Count == 0 ? 0 : corrections.Max(c => DocumentFrequency(reader, c));
        return new QuestionTerm(word, corrections, corrections.Count > 0, Idf(bestFrequency, documents), bestFrequency);
    }

    /// <summary>In how many documents the word occurs, in the searched field where it is most common.</summary>
    public static int DocumentFrequency(IndexReader reader, string word)
    {
        var most = 0;
        foreach (var field in IndexFields.SearchedNames) most = Math.Max(most, reader.DocFreq(new Term(field, word)));
        return most;
    }

    /// <summary>Questions longer than this many distinct words are cut: the rest adds noise, not meaning.</summary>
    public const int MaxTerms = 48;

    public static double Idf(int frequency, int documents) =>
        Math.Log(1 + (documents - frequency + 0.5) / (frequency + 0.5));

    private static List<string> Corrections(string word, Vocabulary vocabulary)
    {
        // Short words are too often someone else's word one letter away ("id" -> "is"); numbers have no typos.
        if (word.Length < 4 || word.Any(char.IsDigit)) return [];
        return vocabulary.Closest(word, maxEdits: word.Length >= 7 ? 2 : 1, limit: 3);
    }
}
