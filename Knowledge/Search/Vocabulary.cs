using Lucene.Net.Index;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Every word the index knows, with how many documents hold it, for correcting typos in questions. Words are
/// grouped by first letter and length (people rarely mistype the first letter), so a lookup compares a question
/// word with a few dozen candidates instead of building a Levenshtein automaton per question, which would be the
/// slowest part of a search.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<(char First, int Length), List<(string Word, int Frequency)>> groups = new();

    public Vocabulary(IndexReader reader, IEnumerable<string> fields)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null) continue;
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var word = termsEnum.Term.Utf8ToString();
                if (word.Length < 3) continue;
                frequencies[word] = Math.Max(frequencies.GetValueOrDefault(word), termsEnum.DocFreq);
            }
        }
        foreach (var (word, frequency) in frequencies)
        {
            var key = (word[0], word.Length);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = new List<(string, int)>();
            list.Add((word, frequency));
        }
    }

    /// <summary>The known words within <paramref name="maxEdits"/> edits of a word, closest and most common first.</summary>
    public List<string> Closest(string word, int maxEdits, int limit)
    {
        var found = new List<(string Word, int Distance, int Frequency)>();
        for (var length = word.Length - maxEdits; length <= word.Length + maxEdits; length++)
        {
            if (!groups.TryGetValue((word[0], length), out var candidates)) continue;
            foreach (var (candidate, frequency) in candidates)
            {
                var distance = EditDistance.Bounded(word, candidate, maxEdits);
                if (distance <= maxEdits) found.Add((candidate, distance, frequency));
            }
        }
        return found.OrderBy(f => f.Distance).ThenByDescending(f => f.Frequency).ThenBy(f => f.Word, StringComparer.Ordinal)
            .Take(limit).Select(f => f.Word).ToList();
    }
}

/// <summary>Optimal string alignment distance (Levenshtein plus swapped neighbours), cut off past a bound.</summary>
internal static class EditDistance
{
    public static int Bounded(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound) return bound + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > bound) return bound + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
