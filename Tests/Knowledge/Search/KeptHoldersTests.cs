using MagLearn.Knowledge;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>
/// Which documents hold a word, kept per index as a bit per document, says for every document what walking the
/// word's postings says: coverage, and so every ranking, stays the same.
/// </summary>
public class KeptHoldersTests
{
    private static readonly KnowledgeIndex Index = new KnowledgeBase(RepoPaths.Content).Reload().Index;

    /// <summary>Words of questions people ask, as the index spells them, with one the index has never seen.</summary>
    private static readonly string[] Words = AnalyzerTerms.Of(Index.QuestionAnalyzer, "body",
        "forgot password reset security questions invoice payment token certificate organization administrator account login zzqxv")
        .Distinct().ToArray();

    [Fact]
    public void Every_document_is_held_by_the_same_words_kept_as_walked()
    {
        var walked = new TermLookup(Index.Reader);
        var kept = new TermLookup(Index.Reader, new DictionaryCache());
        var everyDoc = Enumerable.Range(0, Index.Reader.MaxDoc).ToArray();
        Assert.InRange(Index.Reader.MaxDoc, 2, DictionaryCache.MaxDocumentsForHolders);
        var heldSomewhere = 0;

        foreach (var word in Words)
        {
            var expected = walked.Holding([word], everyDoc);
            // Twice: as made, then as kept.
            Assert.Equal(expected, kept.Holding([word], everyDoc));
            Assert.Equal(expected, kept.Holding([word], everyDoc));
            if (expected.Any(h => h) && expected.Any(h => !h)) heldSomewhere++;
        }

        // Alternatives together, over a scattered set of candidates.
        var candidates = everyDoc.Where(d => d % 3 != 1).ToArray();
        Assert.Equal(walked.Holding(Words, candidates), kept.Holding(Words, candidates));
        Assert.True(heldSomewhere >= Words.Length - 2, $"only {heldSomewhere} words are held by some documents and not others");
    }
}
