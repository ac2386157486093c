using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// The index's dictionary entries for one question's words, looked up once per word and field. Frequencies for
/// weighting and the scored postings reuse the same lookups: before, each of them opened its own terms enumerator
/// per word and field, and those enumerators were most of the megabyte a search allocated. One instance serves one
/// thread, one search at a time (<see cref="Clear"/> between them): its enumerators are reused by seeking. Entries
/// found are shared with the other threads through the index's <see cref="DictionaryCache"/>, when there is one.
/// </summary>
internal sealed class TermLookup
{
    private readonly IndexReader reader;
    private readonly DictionaryCache? shared;
    private readonly TermsEnum?[][] enums;
    private readonly DocsEnum?[][] scoringEnums;
    private readonly Dictionary<(int Field, string Word), TermContext?> found = new();

    public TermLookup(IndexReader reader, DictionaryCache? shared = null)
    {
        this.reader = reader;
        this.shared = shared;
        var leaves = reader.Leaves;
        enums = new TermsEnum?[IndexFields.SearchedNames.Length][];
        scoringEnums = new DocsEnum?[IndexFields.SearchedNames.Length][];
        for (var f = 0; f < enums.Length; f++)
        {
            enums[f] = new TermsEnum?[leaves.Count];
            scoringEnums[f] = new DocsEnum?[leaves.Count];
            for (var l = 0; l < leaves.Count; l++)
                enums[f][l] = leaves[l].AtomicReader.GetTerms(IndexFields.SearchedNames[f])?.GetEnumerator();
        }
    }

    /// <summary>Forgets the previous search's words; the enumerators stay open for the next one.</summary>
    public void Clear() => found.Clear();

    /// <summary>In how many documents the word occurs in the field where it is most common.</summary>
    public int DocumentFrequency(string word)
    {
        var most = 0;
        for (var f = 0; f < enums.Length; f++)
            most = Math.Max(most, Context(f, word)?.DocFreq ?? 0);
        return most;
    }

    /// <summary>
    /// A term's BM25 score in every live document of the index that holds it in the field, at a boost, as Lucene's
    /// term scorer computes it (the same similarity, statistics, frequencies and norms); null when the field never
    /// holds the word. Kept with the index's dictionary facts, when there are any, so each is computed once.
    /// </summary>
    public ScoredPostings? Scored(int field, string word, float boost, IndexSearcher searcher)
    {
        if (shared is not null && shared.TryGetScored(field, word, boost, out var kept)) return kept;
        var context = Context(field, word);
        if (context is null) return null;
        var scored = Score(field, word, boost, context, searcher);
        shared?.KeepScored(field, word, boost, scored);
        return scored;
    }

    private ScoredPostings Score(int field, string word, float boost, TermContext context, IndexSearcher searcher)
    {
        var term = new Term(IndexFields.SearchedNames[field], word);
        var similarity = searcher.Similarity;
        var stats = similarity.ComputeWeight(boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, context));
        // As IndexSearcher.CreateNormalizedWeight leaves it for a query whose enclosing boosts are all 1 (BM25's
        // query norm is 1).
        stats.Normalize(1f, 1f);
        var docs = new List<int>(context.DocFreq);
        var scores = new List<float>(context.DocFreq);
        var leaves = reader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            var leaf = leaves[l];
            var state = context.Get(leaf.Ord);
            var termsEnum = enums[field][l];
            if (state is null || termsEnum is null) continue;
            termsEnum.SeekExact(term.Bytes, state);
            var postings = scoringEnums[field][l] = termsEnum.Docs(leaf.AtomicReader.LiveDocs, scoringEnums[field][l], DocsFlags.FREQS);
            var scorer = similarity.GetSimScorer(stats, leaf);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                docs.Add(leaf.DocBase + doc);
                scores.Add(scorer.Score(doc, postings.Freq));
            }
        }
        return new ScoredPostings(docs.ToArray(), scores.ToArray());
    }

    private TermContext? Context(int field, string word)
    {
        if (shared is not null && shared.TryGetContext(field, word, out var kept)) return kept;
        if (found.TryGetValue((field, word), out var known)) return known;
        TermContext? context = null;
        var bytes = new BytesRef(word);
        var leaves = reader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            var termsEnum = enums[field][l];
            if (termsEnum is null || !termsEnum.SeekExact(bytes)) continue;
            context ??= new TermContext(reader.Context);
            context.Register(termsEnum.GetTermState(), leaves[l].Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
        }
        found[(field, word)] = context;
        shared?.KeepContext(field, word, context);
        return context;
    }
}
