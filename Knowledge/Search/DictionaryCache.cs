using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// What one index's term dictionary said about the words questions use, kept for as long as the index lives:
/// the dictionary entry of a word in each searched field, how a question word resolves (its frequency, or its
/// typo corrections), and a term's score in each document of a field at a boost. People asking about MAG use a few
/// thousand words between them, and looking each one up afresh, walking the term dictionary once per field, was a
/// fifth of a search. Like the term cache of Lucene's own older readers, it holds dictionary facts, never results:
/// the index is read-only, so an entry never goes stale, and the index's replacement starts a cache of its own.
///
/// Bounded, since any text can be sent: past <see cref="MaxEntries"/> words, or <see cref="MaxScoredEntries"/>
/// scored documents, a lookup still works, uncached.
/// </summary>
internal sealed class DictionaryCache
{
    public const int MaxEntries = 20_000;

    /// <summary>
    /// Scored postings are kept up to this many documents in all (eight bytes each, 32 MB): the Learn corpus needs a
    /// fraction of that, a large index's common words can hold a document in two of every five.
    /// </summary>
    public const long MaxScoredEntries = 4_000_000;

    private readonly ConcurrentDictionary<(int Field, string Word), TermContext?> contexts = new();
    private readonly ConcurrentDictionary<string, QuestionTerm> words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(int Field, string Word, float Boost), ScoredPostings> scored = new();
    private long scoredEntries;

    public int Count => words.Count;

    public bool TryGetContext(int field, string word, out TermContext? context) => contexts.TryGetValue((field, word), out context);

    /// <summary>Keeps a dictionary entry; the <see cref="TermContext"/> is only ever read once built, so threads can share it.</summary>
    public void KeepContext(int field, string word, TermContext? context)
    {
        if (contexts.Count < MaxEntries * IndexFields.Searched.Length) contexts.TryAdd((field, word), context);
    }

    public bool TryGetWord(string word, out QuestionTerm term) => words.TryGetValue(word, out term!);

    public void KeepWord(QuestionTerm term)
    {
        if (words.Count < MaxEntries) words.TryAdd(term.Word, term);
    }

    /// <summary>A term's scores per document in a field at a boost (<see cref="TermLookup.Scored"/>).</summary>
    public bool TryGetScored(int field, string word, float boost, out ScoredPostings kept) => scored.TryGetValue((field, word, boost), out kept!);

    public void KeepScored(int field, string word, float boost, ScoredPostings postings)
    {
        if (Interlocked.Read(ref scoredEntries) + postings.Docs.Length > MaxScoredEntries) return;
        if (scored.TryAdd((field, word, boost), postings)) Interlocked.Add(ref scoredEntries, postings.Docs.Length);
    }
}
