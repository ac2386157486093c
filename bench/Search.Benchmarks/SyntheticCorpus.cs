using MagLearn.Knowledge.Content;

namespace MagLearn.Benchmarks;

/// <summary>
/// A Learn library grown to a given number of passages, to measure how search scales. Generated pages look like
/// more of a help site: each is about one real page's topic (half its words drawn from that page's own text,
/// with the real frequencies) and the other half come from an open vocabulary of made-up words whose
/// frequencies follow Zipf's law, as the vocabulary of any real collection keeps growing with its size (Heaps'
/// law). Drawing every word from the 16 real pages alone would put words like "account" in nearly every
/// passage, which no real help site does, and would measure a corpus that cannot exist.
/// </summary>
public static class SyntheticCorpus
{
    private const int SectionsPerPage = 10;
    private const int OpenVocabulary = 50_000;

    public static LearnLibrary Grow(LearnLibrary real, int extraPassages, int seed = 20261125)
    {
        if (extraPassages <= 0) return real;
        var random = new Random(seed);
        var topics = real.Pages.Select(p => p.Passages.SelectMany(s => Words(s.Heading + " " + s.Text)).ToArray()).ToArray();
        var zipf = new ZipfSampler(OpenVocabulary, exponent: 1.07, random);

        var pages = new List<LearnPage>(real.Pages);
        for (var made = 0; made < extraPassages; made += SectionsPerPage)
        {
            var topic = topics[random.Next(topics.Length)];
            string Sample(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1))
                .Select(_ => random.Next(2) == 0 ? topic[random.Next(topic.Length)] : MadeUpWord(zipf.Next())));

            var id = $"synthetic-{made / SectionsPerPage:D6}";
            var passages = Enumerable.Range(0, Math.Min(SectionsPerPage, extraPassages - made))
                .Select(i =>
                {
                    var text = Sample(60, 160);
                    return new Passage(id, $"section-{i}", Sample(3, 7), text, text);
                })
                .ToList();
            var phrasings = Enumerable.Range(0, 12).Select(_ => Sample(4, 9)).ToList();
            pages.Add(new LearnPage(id, Sample(3, 6), Sample(12, 24), phrasings, passages, id + ".md"));
        }
        return new LearnLibrary(pages, []);
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter));

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ter", "qua", "sen", "vor", "dil", "pra", "nu", "zen", "gal", "rho", "bex", "tin", "fo"];

    /// <summary>A pronounceable made-up word for a rank: distinct ranks give distinct words.</summary>
    private static string MadeUpWord(int rank)
    {
        var word = new System.Text.StringBuilder("x");
        for (var n = rank + 1; n > 0; n /= Syllables.Length) word.Append(Syllables[n % Syllables.Length]);
        return word.ToString();
    }

    /// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent.</summary>
    private sealed class ZipfSampler
    {
        private readonly double[] cumulative;
        private readonly Random random;

        public ZipfSampler(int n, double exponent, Random random)
        {
            this.random = random;
            cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++) cumulative[i] = sum += 1 / Math.Pow(i + 1, exponent);
            for (var i = 0; i < n; i++) cumulative[i] /= sum;
        }

        public int Next()
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble());
            return Math.Min(index >= 0 ? index : ~index, cumulative.Length - 1);
        }
    }
}
