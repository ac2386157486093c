using Lucene.Net.Search;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Scores a question over a small index by adding up kept arrays, where Lucene would build and run a query's worth
/// of weights and scorers: for each word, the best of its spellings' and fields' scores in a document plus a quarter
/// of the others (the <see cref="DisjunctionMaxQuery"/> per word, tie breaker 0.25), summed over the words (the
/// <see cref="BooleanQuery"/> without coord), and the best documents by score, then document id, as Lucene's
/// in-order top-score collector keeps them. Each term's score per document is Lucene's own (see
/// <see cref="TermLookup.Scored"/>), computed once per index.
///
/// The sum over the words is in double, as Lucene's, so its order does not matter. A word's best-of sum is in float:
/// where a word is found in three or more of a document's fields and spellings, Lucene adds them in the order of its
/// scorers' heap, which the same document can meet in any order, so that sum may differ from Lucene's in its last bit.
///
/// Lucene's scorers were two fifths of an answer turn's search on the Learn corpus; one pass over a few hundred
/// documents' arrays is a small part of that. One instance per thread: the arrays are reused question after question.
/// </summary>
internal sealed class SmallIndexScorer
{
    /// <summary>What a document's best-of score adds for each of the word's other matches, as in the query it replaces.</summary>
    public const float TieBreaker = 0.25f;

    private readonly double[] total;
    private readonly bool[] totalHeld;
    private readonly float[] wordSum;
    private readonly float[] wordBest;
    private readonly bool[] wordHeld;
    private readonly List<int> matched = [];
    private readonly List<int> wordMatched = [];
    private float[] bestScores = [];
    private int[] bestDocs = [];

    public SmallIndexScorer(int maxDoc)
    {
        total = new double[maxDoc];
        totalHeld = new bool[maxDoc];
        wordSum = new float[maxDoc];
        wordBest = new float[maxDoc];
        wordHeld = new bool[maxDoc];
    }

    /// <summary>
    /// The best <paramref name="count"/> documents for the words, each word given as the scored postings of all its
    /// spellings and fields (nulls skipped), best first, ties to the lower document id.
    /// </summary>
    public ScoreDoc[] Top(IEnumerable<IReadOnlyList<ScoredPostings>> words, int count)
    {
        try
        {
            foreach (var postings in words) Add(postings);
            return Best(count);
        }
        finally
        {
            foreach (var doc in matched) (total[doc], totalHeld[doc]) = (0, false);
            matched.Clear();
        }
    }

    private void Add(IReadOnlyList<ScoredPostings> word)
    {
        foreach (var postings in word)
        {
            var docs = postings.Docs;
            var scores = postings.Scores;
            for (var i = 0; i < docs.Length; i++)
            {
                var doc = docs[i];
                var score = scores[i];
                if (!wordHeld[doc])
                {
                    wordHeld[doc] = true;
                    wordSum[doc] = score;
                    wordBest[doc] = score;
                    wordMatched.Add(doc);
                    continue;
                }
                wordSum[doc] += score;
                if (score > wordBest[doc]) wordBest[doc] = score;
            }
        }
        foreach (var doc in wordMatched)
        {
            float best = wordBest[doc], sum = wordSum[doc];
            float disjunction = best + (sum - best) * TieBreaker;
            if (!totalHeld[doc])
            {
                totalHeld[doc] = true;
                matched.Add(doc);
            }
            total[doc] += disjunction;
            wordHeld[doc] = false;
        }
        wordMatched.Clear();
    }

    /// <summary>The top documents, kept as Lucene's in-order collector keeps them: a later document must score higher to get in.</summary>
    private ScoreDoc[] Best(int count)
    {
        if (count <= 0) return [];
        matched.Sort();
        if (bestScores.Length < count) (bestScores, bestDocs) = (new float[count], new int[count]);
        var size = 0;
        foreach (var doc in matched)
        {
            var score = (float)total[doc];
            if (size == count && score <= bestScores[size - 1]) continue;
            // Into place from the end, the lowest falling off when the list is full.
            var at = size < count ? size++ : count - 1;
            for (; at > 0 && bestScores[at - 1] < score; at--)
                (bestScores[at], bestDocs[at]) = (bestScores[at - 1], bestDocs[at - 1]);
            (bestScores[at], bestDocs[at]) = (score, doc);
        }
        var top = new ScoreDoc[size];
        for (var i = 0; i < size; i++) top[i] = new ScoreDoc(bestDocs[i], bestScores[i]);
        return top;
    }
}
