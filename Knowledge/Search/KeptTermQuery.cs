using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Lucene's term query for one question on one thread, with what Lucene's own TermQuery builds afresh for every
/// question kept instead: the term's BM25 statistics (each with a table of 256 floats) are kept with the index's
/// other dictionary facts (<see cref="DictionaryCache"/>), and the postings readers come from the searching
/// thread's <see cref="TermLookup"/>, reused question after question. Those two were half of what a question
/// allocated. Scores are Lucene's own to the bit: the same similarity, statistics and postings, scored as
/// Lucene's TermScorer scores them.
/// </summary>
internal sealed class KeptTermQuery(Term term, int field, TermContext states, TermLookup lookup, DictionaryCache dictionary) : Query
{
    private readonly Term term = term;
    private readonly int field = field;
    private readonly TermContext states = states;
    private readonly TermLookup lookup = lookup;
    private readonly DictionaryCache dictionary = dictionary;

    public override Weight CreateWeight(IndexSearcher searcher) => new KeptTermWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(term);

    public override string ToString(string fieldName) =>
        (term.Field == fieldName ? term.Text : term.ToString()) + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is KeptTermQuery other && other.term.Equals(term) && other.Boost == Boost;

    public override int GetHashCode() => HashCode.Combine(term, Boost);

    private sealed class KeptTermWeight : Weight
    {
        private readonly KeptTermQuery query;
        private readonly Similarity similarity;
        private readonly Similarity.SimWeight stats;

        public KeptTermWeight(KeptTermQuery query, IndexSearcher searcher)
        {
            this.query = query;
            similarity = searcher.Similarity;
            var term = query.term;
            // The statistics depend on the index (fixed), the term and the boost, so one serves every question.
            stats = query.dictionary.SimWeight(query.field, term.Text, query.Boost, () =>
                similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, query.states)));
        }

        public override Query Query => query;

        public override float GetValueForNormalization() => stats.GetValueForNormalization();

        /// <summary>BM25 only keeps the top-level boost here, always 1 in the queries the search builds: the shared statistics do not change.</summary>
        public override void Normalize(float norm, float topLevelBoost) => stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var state = query.states.Get(context.Ord);
            if (state is null) return null;
            var docs = query.lookup.Postings(query.field, context, query.term.Bytes, state, acceptDocs);
            return new PostingsScorer(this, docs, similarity.GetSimScorer(stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is null || scorer.Advance(doc) != doc) return new ComplexExplanation(false, 0f, "no matching term");
            var explained = similarity.GetSimScorer(stats, context).Explain(doc, new Explanation(scorer.Freq, "termFreq=" + scorer.Freq));
            var result = new ComplexExplanation(true, explained.Value, $"weight({query} in {doc}), result of:");
            result.AddDetail(explained);
            return result;
        }
    }

    /// <summary>What Lucene's (internal) TermScorer does: a postings list, scored by the similarity.</summary>
    private sealed class PostingsScorer(Weight weight, DocsEnum docs, Similarity.SimScorer scorer) : Scorer(weight)
    {
        public override int DocID => docs.DocID;
        public override int Freq => docs.Freq;
        public override int NextDoc() => docs.NextDoc();
        public override int Advance(int target) => docs.Advance(target);
        public override float GetScore() => scorer.Score(docs.DocID, docs.Freq);
        public override long GetCost() => docs.GetCost();
    }
}
