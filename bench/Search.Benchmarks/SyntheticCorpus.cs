using MagLearn.Knowledge.Content;

namespace MagLearn.Benchmarks;

/// <summary>
/// A Learn library grown to a given number of passages for measuring how search scales: the real pages, plus
/// generated pages whose headings, text and phrasings are drawn from the real content's own word frequencies,
/// so term statistics look like more of the same help site rather than random noise.
/// </summary>
public static class SyntheticCorpus
{
    private const int SectionsPerPage = 10;

    public static LearnLibrary Grow(LearnLibrary real, int extraPassages, int seed = 20261125)
    {
        if (extraPassages <= 0) return real;
        var random = new Random(seed);
        var words = real.Passages.SelectMany(p => Words(p.Heading + " " + p.Text)).ToArray();
        string Sample(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => words[random.Next(words.Length)]));

        var pages = new List<LearnPage>(real.Pages);
        for (var made = 0; made < extraPassages; made += SectionsPerPage)
        {
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
}
