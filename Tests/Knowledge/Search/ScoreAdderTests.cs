using Lucene.Net.Index;
using Lucene.Net.Search;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>
/// Adding up kept arrays finds the documents Lucene's query finds, in Lucene's order, with Lucene's scores: a
/// best-of (tie breaker 0.25) per word over its spellings and fields, the words summed, and with the common-word
/// split, the common words as an optional clause beside the required rarer ones.
/// </summary>
public class ScoreAdderTests
{
    private static readonly KnowledgeIndex Index = new KnowledgeBase(RepoPaths.Content).Reload().Index;

    /// <summary>Words of questions people ask, as the index spells them.</summary>
    private static readonly string[] Words = AnalyzerTerms.Of(Index.QuestionAnalyzer, "body",
        "forgot password reset security questions invoice payment one time password token certificate organization " +
        "administrator account login user id email phone register invitation expired renew purchase change name address " +
        "locked exostar mag application access sponsor partner fis otp training video")
        .Distinct().ToArray();

    private static readonly float[] Boosts = [2.5f, 1.7f, 1f];

    /// <summary>
    /// Questions of one to eight words, a fifth of the words with a second spelling, and in half of them the last
    /// words optional, drawn with a fixed seed.
    /// </summary>
    private static IEnumerable<(string[][] Leading, string[][] Optional)> Questions()
    {
        var random = new Random(20261201);
        for (var q = 0; q < 400; q++)
        {
            var words = Enumerable.Range(0, 1 + random.Next(8))
                .Select(_ => random.Next(5) == 0
                    ? new[] { Words[random.Next(Words.Length)], Words[random.Next(Words.Length)] }.Distinct().ToArray()
                    : [Words[random.Next(Words.Length)]])
                .ToArray();
            var leading = q % 2 == 0 ? words.Length : 1 + random.Next(words.Length);
            yield return (words[..leading], words[leading..]);
        }
    }

    /// <summary>The query the adder stands for, made of Lucene's own parts.</summary>
    private static Query LuceneQuery(string[][] leading, string[][] optional)
    {
        BooleanQuery Sum(string[][] words)
        {
            var sum = new BooleanQuery(disableCoord: true);
            foreach (var spellings in words)
            {
                var either = new DisjunctionMaxQuery(ScoreAdder.TieBreaker);
                foreach (var spelling in spellings)
                    for (var field = 0; field < IndexFields.Searched.Length; field++)
                        either.Add(new TermQuery(new Term(IndexFields.SearchedNames[field], spelling)) { Boost = Boosts[field] });
                sum.Add(either, Occur.SHOULD);
            }
            return sum;
        }
        if (optional.Length == 0) return Sum(leading);
        return new BooleanQuery(disableCoord: true) { { Sum(leading), Occur.MUST }, { Sum(optional), Occur.SHOULD } };
    }

    private static IReadOnlyList<ScoredPostings>[] Postings(TermLookup lookup, string[][] words) =>
        words.Select(spellings => (IReadOnlyList<ScoredPostings>)spellings
                .SelectMany(spelling => Enumerable.Range(0, IndexFields.Searched.Length)
                    .Select(field => lookup.Scored(field, spelling, Boosts[field], Index.Searcher)))
                .OfType<ScoredPostings>()
                .ToList())
            .ToArray();

    [Fact]
    public void The_top_documents_and_their_scores_are_lucenes()
    {
        var kept = new TermLookup(Index.Reader, new DictionaryCache());
        var adder = new ScoreAdder(Index.Reader.MaxDoc);
        int documents = 0, exact = 0, questions = 0, split = 0;

        foreach (var (leading, optional) in Questions())
        {
            var collector = TopScoreDocCollector.Create(24, docsScoredInOrder: true);
            Index.Searcher.Search(LuceneQuery(leading, optional), collector);
            var expected = collector.GetTopDocs().ScoreDocs;
            var actual = adder.Top(Postings(kept, leading), Postings(kept, optional), 24).Docs;

            var shown = string.Join(" ", leading.Select(s => string.Join("|", s))) + " / " + string.Join(" ", optional.Select(s => string.Join("|", s)));
            Assert.True(expected.Length == actual.Length, $"{shown}: {expected.Length} documents from Lucene, {actual.Length} added up");
            for (var i = 0; i < expected.Length; i++)
            {
                // A word in three or more fields is summed in the order of Lucene's heap: the last bit may differ,
                // and two documents within a bit of each other may swap places.
                var twoBits = MathF.BitIncrement(MathF.BitIncrement(expected[i].Score)) - expected[i].Score;
                Assert.True(Math.Abs(expected[i].Score - actual[i].Score) <= twoBits,
                    $"{shown}: place {i}: Lucene {expected[i].Doc}:{expected[i].Score:R}, added up {actual[i].Doc}:{actual[i].Score:R}");
                if (expected[i].Doc == actual[i].Doc && expected[i].Score == actual[i].Score) exact++;
                documents++;
            }
            questions += expected.Length > 0 ? 1 : 0;
            split += expected.Length > 0 && optional.Length > 0 ? 1 : 0;
        }

        Assert.True(questions > 350, $"only {questions} questions found anything");
        Assert.True(split > 100, $"only {split} questions with optional words found anything");
        // These questions give a fifth of their words a second spelling, so more words than in real questions are
        // found three times in a document (96% of places were exact when this was written).
        Assert.True(exact >= documents * 0.9, $"only {exact} of {documents} places were exactly Lucene's");
    }

    [Fact]
    public void A_question_without_known_words_finds_nothing_and_leaves_nothing_behind()
    {
        var kept = new TermLookup(Index.Reader, new DictionaryCache());
        var adder = new ScoreAdder(Index.Reader.MaxDoc);

        Assert.Empty(adder.Top([[]], [], 24).Docs);
        var first = adder.Top(Postings(kept, [["password"]]), Postings(kept, [["account"]]), 24).Docs;
        var again = adder.Top(Postings(kept, [["password"]]), Postings(kept, [["account"]]), 24).Docs;

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(d => (d.Doc, d.Score)), again.Select(d => (d.Doc, d.Score)));
    }

    [Fact]
    public void Each_top_document_carries_the_words_it_holds()
    {
        var kept = new TermLookup(Index.Reader, new DictionaryCache());
        var adder = new ScoreAdder(Index.Reader.MaxDoc);
        var checkedBits = 0;

        foreach (var (leading, optional) in Questions())
        {
            var words = Postings(kept, leading).Concat(Postings(kept, optional)).ToArray();
            var (docs, held) = adder.Top(Postings(kept, leading), Postings(kept, optional), 24);
            for (var i = 0; i < docs.Length; i++)
                for (var n = 0; n < words.Length; n++)
                {
                    var holds = words[n].Any(p => Array.BinarySearch(p.Docs, docs[i].Doc) >= 0);
                    Assert.True(holds == ((held[i] & (1UL << n)) != 0), $"document {docs[i].Doc}, word {n}: holds it {holds}");
                    checkedBits++;
                }
        }

        Assert.True(checkedBits > 10_000, $"only {checkedBits} document and word pairs checked");
    }
}
