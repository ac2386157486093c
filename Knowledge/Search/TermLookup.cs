using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// The index's dictionary entries for one question's words, looked up once per word and field. Frequencies for
/// weighting, the term queries themselves and the coverage check all reuse the same lookups: before, each of
/// them opened its own terms enumerator per word and field, and those enumerators were most of the megabyte a
/// search allocated. One instance serves one thread, one search at a time (<see cref="Clear"/> between them):
/// its enumerators are reused by seeking. Entries found are shared with the other threads through the index's
/// <see cref="DictionaryCache"/>, when there is one.
/// </summary>
internal sealed class TermLookup
{
    private readonly IndexReader reader;
    private readonly DictionaryCache? shared;
    private readonly TermsEnum?[][] enums;
    private readonly DocsEnum?[][] docsEnums;
    private readonly Dictionary<(int Field, string Word), TermContext?> found = new();

    /// <summary>Postings readers for scoring, per field and segment, handed out in turn during one search.</summary>
    private readonly List<DocsEnum>[][] postings;
    private readonly int[][] postingsUsed;

    public TermLookup(IndexReader reader, DictionaryCache? shared = null)
    {
        this.reader = reader;
        this.shared = shared;
        var leaves = reader.Leaves;
        enums = new TermsEnum?[IndexFields.SearchedNames.Length][];
        docsEnums = new DocsEnum?[IndexFields.SearchedNames.Length][];
        postings = new List<DocsEnum>[IndexFields.SearchedNames.Length][];
        postingsUsed = new int[IndexFields.SearchedNames.Length][];
        for (var f = 0; f < enums.Length; f++)
        {
            enums[f] = new TermsEnum?[leaves.Count];
            docsEnums[f] = new DocsEnum?[leaves.Count];
            postings[f] = leaves.Select(_ => new List<DocsEnum>()).ToArray();
            postingsUsed[f] = new int[leaves.Count];
            for (var l = 0; l < leaves.Count; l++)
                enums[f][l] = leaves[l].AtomicReader.GetTerms(IndexFields.SearchedNames[f])?.GetEnumerator();
        }
    }

    /// <summary>Forgets the previous search's words and takes back its postings readers; all stay open for the next one.</summary>
    public void Clear()
    {
        found.Clear();
        foreach (var used in postingsUsed) Array.Clear(used);
    }

    /// <summary>In how many documents the word occurs in the field where it is most common.</summary>
    public int DocumentFrequency(string word)
    {
        var most = 0;
        for (var f = 0; f < enums.Length; f++)
            most = Math.Max(most, Context(f, word)?.DocFreq ?? 0);
        return most;
    }

    /// <summary>
    /// A term query whose dictionary lookup is already done, or null when the field never holds the word: such a
    /// query matches nothing, and with BM25 (whose query norm is 1) leaving it out changes no score, while each
    /// one cost a weight and a scorer with their buffers. With the index's <see cref="DictionaryCache"/> it is a
    /// <see cref="KeptTermQuery"/>, for this thread's search only.
    /// </summary>
    public Query? TermQuery(int field, string word, float boost)
    {
        var context = Context(field, word);
        if (context is null) return null;
        var term = new Term(IndexFields.SearchedNames[field], word);
        return shared is null
            ? new TermQuery(term, context) { Boost = boost }
            : new KeptTermQuery(term, field, context, this, shared) { Boost = boost };
    }

    /// <summary>
    /// The postings of a term in one segment, with frequencies, for scoring: a reader of this thread's, reused
    /// from the previous searches. Each call of one search gets a reader of its own.
    /// </summary>
    public DocsEnum Postings(int field, AtomicReaderContext leaf, BytesRef term, TermState state, IBits acceptDocs)
    {
        var termsEnum = enums[field][leaf.Ord] ?? throw new InvalidOperationException($"no {IndexFields.SearchedNames[field]} terms in segment {leaf.Ord}");
        termsEnum.SeekExact(term, state);
        var pool = postings[field][leaf.Ord];
        var at = postingsUsed[field][leaf.Ord]++;
        var docs = termsEnum.Docs(acceptDocs, at < pool.Count ? pool[at] : null, DocsFlags.FREQS);
        if (at < pool.Count) pool[at] = docs;
        else pool.Add(docs);
        return docs;
    }

    /// <summary>For each candidate (sorted ascending), whether any searched field of it holds any of the words.</summary>
    public bool[] Holding(IReadOnlyList<string> words, int[] sortedDocs)
    {
        if (shared is not null && reader.MaxDoc <= DictionaryCache.MaxDocumentsForHolders) return HoldingKept(words, sortedDocs);
        var present = new bool[sortedDocs.Length];
        var leaves = reader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            var leaf = leaves[l];
            var first = LowerBound(sortedDocs, leaf.DocBase);
            var end = LowerBound(sortedDocs, leaf.DocBase + leaf.AtomicReader.MaxDoc);
            if (first == end) continue;
            for (var f = 0; f < enums.Length; f++)
            {
                var termsEnum = enums[f][l];
                if (termsEnum is null) continue;
                foreach (var word in words)
                {
                    var state = Context(f, word)?.Get(leaf.Ord);
                    if (state is null) continue;
                    termsEnum.SeekExact(new BytesRef(word), state);
                    var docs = docsEnums[f][l] = termsEnum.Docs(leaf.AtomicReader.LiveDocs, docsEnums[f][l], DocsFlags.NONE);
                    for (var i = first; i < end; i++)
                    {
                        if (present[i]) continue;
                        var local = sortedDocs[i] - leaf.DocBase;
                        var at = docs.DocID < local ? docs.Advance(local) : docs.DocID;
                        if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                        if (at == local) present[i] = true;
                    }
                }
            }
        }
        return present;
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
            var postings = termsEnum.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.FREQS);
            var scorer = similarity.GetSimScorer(stats, leaf);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                docs.Add(leaf.DocBase + doc);
                scores.Add(scorer.Score(doc, postings.Freq));
            }
        }
        return new ScoredPostings(docs.ToArray(), scores.ToArray());
    }

    /// <summary><see cref="Holding"/> from the index's kept holders of each word.</summary>
    private bool[] HoldingKept(IReadOnlyList<string> words, int[] sortedDocs)
    {
        var present = new bool[sortedDocs.Length];
        foreach (var word in words)
        {
            if (!shared!.TryGetHolders(word, out var holders)) shared.KeepHolders(word, holders = HoldersOf(word));
            for (var i = 0; i < sortedDocs.Length; i++)
                present[i] |= (holders[sortedDocs[i] >> 6] & (1UL << sortedDocs[i])) != 0;
        }
        return present;
    }

    /// <summary>Every live document that holds the word in a searched field, as a bit per document of the index.</summary>
    private ulong[] HoldersOf(string word)
    {
        var holders = new ulong[(reader.MaxDoc + 63) / 64];
        var leaves = reader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            var leaf = leaves[l];
            for (var f = 0; f < enums.Length; f++)
            {
                var termsEnum = enums[f][l];
                var state = termsEnum is null ? null : Context(f, word)?.Get(leaf.Ord);
                if (state is null) continue;
                termsEnum!.SeekExact(new BytesRef(word), state);
                var docs = docsEnums[f][l] = termsEnum.Docs(leaf.AtomicReader.LiveDocs, docsEnums[f][l], DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    var global = leaf.DocBase + doc;
                    holders[global >> 6] |= 1UL << global;
                }
            }
        }
        return holders;
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

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
