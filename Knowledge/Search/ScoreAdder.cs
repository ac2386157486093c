using Lucene.Net.Search;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Scores a question by adding up kept arrays, where Lucene would build and run a query's worth of weights and
/// scorers, and gives the scores Lucene's query would:
/// <list type="bullet">
/// <item>for each word, the best of its spellings' and fields' scores in a document plus a quarter of the others
/// (a <see cref="DisjunctionMaxQuery"/> per word, tie breaker 0.25);</item>
/// <item>the leading words' best-ofs summed (a <see cref="BooleanQuery"/> without coord): only documents that hold a
/// leading word are found;</item>
/// <item>the optional words' best-ofs summed and added to a found document's score (the leading words as a required
/// clause, the optional ones as an optional clause): the common-word split of <see cref="QuestionSearch"/>;</item>
/// <item>the best documents by score, then document id, as Lucene's in-order top-score collector keeps them.</item>
/// </list>
/// Each term's score per document is Lucene's own (<see cref="TermLookup.Scored"/>). Sums over words are in double
/// and cast to float, as Lucene's are, so their order does not matter. A word's best-of sum is in float: where a word
/// is found in three or more of a document's fields and spellings, Lucene adds them in its scorers' heap order, so
/// that sum may differ from Lucene's in its last bit.
///
/// Why: on the Learn corpus Lucene's scorers were two fifths of an answer turn's search, and at 100,000 passages
/// advancing the common words' disjunction to each found document was four fifths of an ask. Walking arrays in
/// order costs a small part of either. An instance is used by one search at a time and keeps its arrays for the next.
/// </summary>
internal sealed class ScoreAdder
{
    /// <summary>What a document's best-of score adds for each of the word's other matches, as in the query it replaces.</summary>
    public const float TieBreaker = 0.25f;

    /// <summary>A question holds at most this many words (<see cref="QuestionTerm.MaxTerms"/> is below it): one bit each.</summary>
    public const int MaxWords = 64;

    private readonly int maxDoc;
    private readonly double[] leading;
    private readonly double[] optional;
    private readonly float[] wordSum;
    private readonly float[] wordBest;
    private readonly bool[] wordHeld;

    /// <summary>
    /// For each document, which of the question's words it holds: bit n for the n-th word given. Optional words only
    /// count in documents a leading word found, so a document is found exactly when it holds any word.
    /// </summary>
    private readonly ulong[] wordsHeld;
    private readonly List<int> matched = [];
    private readonly List<int> wordMatched = [];
    private float[] bestScores = [];
    private int[] bestDocs = [];

    public ScoreAdder(int maxDoc)
    {
        this.maxDoc = maxDoc;
        leading = new double[maxDoc];
        optional = new double[maxDoc];
        wordSum = new float[maxDoc];
        wordBest = new float[maxDoc];
        wordHeld = new bool[maxDoc];
        wordsHeld = new ulong[maxDoc];
    }

    /// <summary>
    /// The best <paramref name="count"/> documents, best first, ties to the lower document id, each with the words it
    /// holds in any searched field (bit n: the n-th word, leading words first, then the optional ones), which is what
    /// coverage needs. Each word is given as the scored postings of all its spellings and fields.
    /// </summary>
    public AddedUp Top(IReadOnlyList<IReadOnlyList<ScoredPostings>> leadingWords, IReadOnlyList<IReadOnlyList<ScoredPostings>> optionalWords, int count)
    {
        if (leadingWords.Count + optionalWords.Count > MaxWords) throw new ArgumentException($"at most {MaxWords} words");
        try
        {
            for (var n = 0; n < leadingWords.Count; n++) Add(leadingWords[n], n, lead: true);
            if (matched.Count > 0)
                for (var n = 0; n < optionalWords.Count; n++) Add(optionalWords[n], leadingWords.Count + n, lead: false);
            var top = Best(count);
            return new AddedUp(top, Array.ConvertAll(top, hit => wordsHeld[hit.Doc]));
        }
        finally
        {
            // Left clean for the next question, however this one ended.
            foreach (var doc in wordMatched) wordHeld[doc] = false;
            wordMatched.Clear();
            // Optional words only touched found documents.
            foreach (var doc in matched) (leading[doc], optional[doc], wordsHeld[doc]) = (0, 0, 0);
            matched.Clear();
        }
    }

    private void Add(IReadOnlyList<ScoredPostings> word, int number, bool lead)
    {
        foreach (var postings in word)
        {
            var docs = postings.Docs;
            var scores = postings.Scores;
            for (var i = 0; i < docs.Length; i++)
            {
                var doc = docs[i];
                // An optional word only adds to what the leading words found.
                if (!lead && wordsHeld[doc] == 0) continue;
                var score = scores[i];
                if (!wordHeld[doc])
                {
                    (wordHeld[doc], wordSum[doc], wordBest[doc]) = (true, score, score);
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
            wordHeld[doc] = false;
            if (wordsHeld[doc] == 0) matched.Add(doc);
            wordsHeld[doc] |= 1UL << number;
            if (lead) leading[doc] += disjunction;
            else optional[doc] += disjunction;
        }
        wordMatched.Clear();
    }

    /// <summary>A found document's score: the leading words' sum plus the optional words' (0 when it holds none).</summary>
    private float ScoreOf(int doc) => (float)leading[doc] + (float)optional[doc];

    /// <summary>The top documents, kept as Lucene's in-order collector keeps them: a later document must score higher to get in.</summary>
    private ScoreDoc[] Best(int count)
    {
        if (count <= 0 || matched.Count == 0) return [];
        if (bestScores.Length < count) (bestScores, bestDocs) = (new float[count], new int[count]);
        var size = 0;
        // In document order: sorted when few were found, read off the flags when many were.
        if (matched.Count * 16 < maxDoc)
        {
            matched.Sort();
            foreach (var doc in matched) Offer(doc, count, ref size);
        }
        else
        {
            for (var doc = 0; doc < maxDoc; doc++)
                if (wordsHeld[doc] != 0) Offer(doc, count, ref size);
        }
        var top = new ScoreDoc[size];
        for (var i = 0; i < size; i++) top[i] = new ScoreDoc(bestDocs[i], bestScores[i]);
        return top;
    }

    private void Offer(int doc, int count, ref int size)
    {
        var score = ScoreOf(doc);
        if (size == count && score <= bestScores[size - 1]) return;
        // Into place from the end, the lowest falling off when the list is full.
        var at = size < count ? size++ : count - 1;
        for (; at > 0 && bestScores[at - 1] < score; at--)
            (bestScores[at], bestDocs[at]) = (bestScores[at - 1], bestDocs[at - 1]);
        (bestScores[at], bestDocs[at]) = (score, doc);
    }
}

/// <summary>The best documents, best first, and for each the words of the question it holds (bit n: the n-th word).</summary>
internal sealed record AddedUp(ScoreDoc[] Docs, ulong[] WordsHeld);
