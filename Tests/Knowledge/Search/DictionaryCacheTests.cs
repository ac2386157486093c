using MagLearn.Knowledge;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>
/// The words a search has looked up are kept for the index's next searches: the answers must not change with
/// it, whichever thread looked a word up first, and made-up words cannot grow it without end.
/// </summary>
public class DictionaryCacheTests
{
    private static readonly string[] Questions =
    [
        "how do I reset my password", "I forgot my pasword", "what payment methods can we use for an invoice?",
        "buy an otp token", "who is my org admin", "securty qestions", "change my legal name", "FIS certificate renewal",
        "+password* AND \"reset~2\" -[security TO questions]^10", "hello", "zzzz qqqq",
    ];

    private static string Shown(SearchResult result) =>
        string.Join(" | ", result.Hits.Select(h => $"{h.PageId}#{h.SectionId} {h.Score:0.0000} {h.Coverage:0.0000} {h.RawScore}")) +
        " || " + string.Join(" | ", result.Flows.Select(f => $"{f.PageId} {f.Score:0.0000}")) +
        " || " + string.Join(",", result.Profile.Terms) + " / " + string.Join(",", result.Profile.Corrections.Select(c => c.Key + ">" + c.Value));

    /// <summary>A search over the repository's Learn pages with nothing kept yet.</summary>
    private static QuestionSearch FreshSearch() => new KnowledgeBase(RepoPaths.Content).Reload().Search;

    [Fact]
    public void A_search_answers_the_same_with_its_words_kept_as_without()
    {
        var search = FreshSearch();

        var cold = Questions.Select(q => Shown(search.Search(q, 5, flowTop: 1))).ToList();
        var warm = Questions.Select(q => Shown(search.Search(q, 5, flowTop: 1))).ToList();

        Assert.Equal(cold, warm);
    }

    [Fact]
    public async Task Threads_sharing_the_kept_words_get_what_one_thread_alone_gets()
    {
        var alone = FreshSearch();
        var expected = Questions.Select(q => Shown(alone.Search(q, 5, flowTop: 1))).ToList();
        var shared = FreshSearch();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
            Enumerable.Range(0, 20).SelectMany(round => Questions.Select((q, i) => (i, Shown(shared.Search(q, 5, flowTop: 1))))).ToList())));

        Assert.All(results.SelectMany(r => r), x => Assert.Equal(expected[x.i], x.Item2));
    }

    [Fact]
    public void Made_up_words_past_the_bound_are_looked_up_but_not_kept()
    {
        var cache = new DictionaryCache();

        for (var i = 0; i < DictionaryCache.MaxEntries + 50; i++)
            cache.KeepWord(new QuestionTerm($"madeup{i}", [], false, 1, 0));

        Assert.Equal(DictionaryCache.MaxEntries, cache.Count);
        Assert.False(cache.TryGetWord($"madeup{DictionaryCache.MaxEntries + 10}", out _));
    }
}
