using Lucene.Net.Search;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>
/// The term query that keeps its statistics and postings readers scores every document exactly as Lucene's own
/// TermQuery does, alone and combined, the first time and after its readers have been reused.
/// </summary>
public class KeptTermQueryTests
{
    private static readonly KnowledgeIndex Index = new KnowledgeBase(RepoPaths.Content).Reload().Index;

    /// <summary>The words of questions people ask, as the index spells them (stemmed).</summary>
    private static readonly string[] Words = AnalyzerTerms.Of(Index.QuestionAnalyzer, "body",
        "forgot password reset security questions invoice payment one time password token certificate organization administrator account login")
        .Distinct().ToArray();

    private static readonly float[] Boosts = [2.5f, 1.7f, 1f, 0.7f];

    private static string Ranked(Query query) =>
        string.Join(" ", Index.Searcher.Search(query, 1000).ScoreDocs.Select(d => $"{d.Doc}:{d.Score:R}"));

    private static Query Combined(TermLookup lookup, IEnumerable<string> words) =>
        new BooleanQuery(disableCoord: true).With(words.Select(word =>
        {
            var either = new DisjunctionMaxQuery(0.25f);
            for (var field = 0; field < IndexFields.Searched.Length; field++)
                if (lookup.TermQuery(field, word, IndexFields.Searched[field].Boost) is { } query) either.Add(query);
            return (Query)either;
        }));

    [Fact]
    public void Each_word_in_each_field_and_boost_scores_every_document_as_lucene_does()
    {
        var lucene = new TermLookup(Index.Reader);
        var kept = new TermLookup(Index.Reader, new DictionaryCache());
        var compared = 0;

        foreach (var word in Words)
        for (var field = 0; field < IndexFields.Searched.Length; field++)
        foreach (var boost in Boosts)
        {
            kept.Clear();
            var expected = lucene.TermQuery(field, word, boost);
            var actual = kept.TermQuery(field, word, boost);
            Assert.Equal(expected is null, actual is null);
            if (expected is null) continue;
            Assert.IsType<TermQuery>(expected);
            Assert.IsType<KeptTermQuery>(actual);
            Assert.Equal(Ranked(expected), Ranked(actual!));
            compared++;
        }

        Assert.True(compared > 50, $"only {compared} word, field and boost combinations were found in the index");
    }

    [Fact]
    public void Combined_queries_score_alike_search_after_search_with_their_readers_reused()
    {
        var lucene = new TermLookup(Index.Reader);
        var kept = new TermLookup(Index.Reader, new DictionaryCache());
        var questions = Enumerable.Range(0, Words.Length).Select(i => Words.Skip(i).Take(4).ToArray()).ToList();

        for (var round = 0; round < 3; round++)
        {
            foreach (var words in questions)
            {
                lucene.Clear();
                kept.Clear();
                Assert.Equal(Ranked(Combined(lucene, words)), Ranked(Combined(kept, words)));
            }
        }
    }
}

internal static class BooleanQueryExtensions
{
    public static BooleanQuery With(this BooleanQuery query, IEnumerable<Query> clauses)
    {
        foreach (var clause in clauses) query.Add(clause, Occur.SHOULD);
        return query;
    }
}
