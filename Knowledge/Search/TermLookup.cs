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

    public TermLookup(IndexReader reader, DictionaryCache? shared = null)
    {
        this.reader = reader;
        this.shared = shared;
        var leaves = reader.Leaves;
        enums = new TermsEnum?[IndexFields.SearchedNames.Length][];
        docsEnums = new DocsEnum?[IndexFields.SearchedNames.Length][];
        for (var f = 0; f < enums.Length; f++)
        {
            enums[f] = new TermsEnum?[leaves.Count];
            docsEnums[f] = new DocsEnum?[leaves.Count];
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
    /// A term query whose dictionary lookup is already done, or null when the field never holds the word: such a
    /// query matches nothing, and with BM25 (whose query norm is 1) leaving it out changes no score, while each
    /// one cost a weight and a scorer with their buffers.
    /// </summary>
    public Query? TermQuery(int field, string word, float boost)
    {
        var context = Context(field, word);
        return context is null ? null : new TermQuery(new Term(IndexFields.SearchedNames[field], word), context) { Boost = boost };
    }

    /// <summary>For each candidate (sorted ascending), whether any searched field of it holds any of the words.</summary>
    public bool[] Holding(IReadOnlyList<string> words, int[] sortedDocs)
    {
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
