using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using MagLearn.Knowledge.Analysis;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Finds the passages (and flows) that answer a question. The user's text never reaches a query parser: it is
/// analyzed into words, and each word's postings are looked up and scored as terms (see <see cref="ScoreAdder"/>),
/// so quotes, brackets, operators and wildcards are just characters, and any input gives results or none, never an
/// exception.
/// </summary>
public sealed class QuestionSearch : IDisposable
{
    /// <summary>Longer input is cut here before analysis: the first part of a message says what it is about.</summary>
    public const int MaxQuestionLength = 2000;

    /// <summary>How many hits are scored for coverage before the final ranking.</summary>
    private const int Candidates = 24;

    /// <summary>A corrected spelling counts a little less than the word as typed, so exact matches win.</summary>
    private const float CorrectionWeight = 0.7f;

    /// <summary>
    /// Words in more than this share of documents ("account", "mag") only add to the score of documents that
    /// match a rarer word of the question, as Lucene's CommonTermsQuery does: without this, at 100k passages
    /// every search walked the long postings of the commonest words. A small index has no such cost, and there
    /// the split would only make rankings jumpier, so it applies from <see cref="CommonSplitFrom"/> documents.
    /// </summary>
    private const double CommonShare = 0.05;

    private const int CommonSplitFrom = 2000;

    private readonly KnowledgeIndex index;
    private readonly SnippetWriter snippetWriter;
    private readonly Vocabulary vocabulary;
    private readonly PassageCatalog catalog;
    private readonly DictionaryCache dictionary = new();

    /// <summary>
    /// Each thread keeps its own dictionary lookups between searches: opening the terms enumerators anew for
    /// every question was most of what a search allocated.
    /// </summary>
    private readonly ThreadLocal<TermLookup> lookups;

    /// <summary>
    /// Score adders not in use, each with arrays the size of the index: one per search running at once, taken and
    /// given back, rather than one per thread that ever searched.
    /// </summary>
    private readonly ConcurrentBag<ScoreAdder> adders = [];

    public QuestionSearch(KnowledgeIndex index)
    {
        this.index = index;
        snippetWriter = new SnippetWriter(index.IndexAnalyzer);
        vocabulary = new Vocabulary(index.Reader, IndexFields.SearchedNames);
        catalog = new PassageCatalog(index.Reader);
        lookups = new ThreadLocal<TermLookup>(() => new TermLookup(index.Reader, dictionary));
    }

    /// <summary>
    /// The best <paramref name="top"/> passages and the best <paramref name="flowTop"/> flows for a question (see
    /// <see cref="FlowMatcher"/>), each kind scored on its own scale. Only the first
    /// <paramref name="snippets"/> passages get a highlighted snippet (all when null): the rest serve to compare
    /// scores, and highlighting is the costliest step per hit.
    /// </summary>
    public SearchResult Search(string? question, int top, int flowTop = 0, int? snippets = null)
    {
        if (string.IsNullOrWhiteSpace(question) || top <= 0) return SearchResult.None(QuestionProfile.Empty);
        if (question.Length > MaxQuestionLength) question = question[..MaxQuestionLength];

        var words = AnalyzerTerms.Of(index.QuestionAnalyzer, IndexFields.Body, question);
        var lookup = lookups.Value!;
        lookup.Clear();
        var terms = QuestionTerm.Resolve(words, index.Reader, lookup, index.Tuning.TypoCorrection ? vocabulary : null, dictionary);
        var profile = new QuestionProfile(
            terms.Select(t => t.Word).ToList(),
            terms.Where(t => !t.Known).Select(t => t.Word).ToList(),
            terms.Where(t => t.Corrected).ToDictionary(t => t.Word, t => t.Alternatives[0]));
        if (!terms.Any(t => t.Known)) return SearchResult.None(profile);

        var candidates = Math.Max(Candidates, top + flowTop);
        var (scoreDocs, wordsHeld, numbered) = Top(terms, lookup, candidates);
        if (scoreDocs.Length == 0) return SearchResult.None(profile) with { Flows = MatchFlows(question, terms, flowTop) };

        var coverage = Coverage(wordsHeld, terms, numbered);
        var ranked = Rank(scoreDocs, coverage);
        var count = Math.Min(top, ranked.Length);
        var passages = new List<SearchHit>(count);
        for (var i = 0; i < count; i++)
        {
            var (at, score) = ranked[i];
            passages.Add(ToHit(scoreDocs[at], coverage[at], score, terms, withSnippet: i < (snippets ?? top)));
        }
        return new SearchResult(passages, profile) { Flows = MatchFlows(question, terms, flowTop) };
    }

    /// <summary>
    /// The message's words as the index sees them (synonyms expanded, typos corrected), matched against the
    /// flows' trigger phrasings.
    /// </summary>
    private List<SearchHit> MatchFlows(string question, List<QuestionTerm> terms, int flowTop)
    {
        if (flowTop <= 0 || index.Flows.IsEmpty) return [];
        List<string> words;
        if (index.Expander is { } expander) expander.AddTerms(question, words = []);
        else words = AnalyzerTerms.Of(index.IndexAnalyzer, IndexFields.Body, question);
        foreach (var term in terms)
            if (term.Corrected) words.AddRange(term.Alternatives);
        return index.Flows.Match(words, flowTop);
    }

    /// <summary>
    /// Orders hits by how much of the question they cover times their relevance relative to the best hit,
    /// times the page's weight: a passage must both hold the question's words and be about them. Ties go to the
    /// more relevant hit, then to Lucene's own order. Returns each hit's place in <paramref name="hits"/> and its score.
    /// </summary>
    private (int At, double Score)[] Rank(ScoreDoc[] hits, double[] coverage)
    {
        var best = float.MinValue;
        foreach (var hit in hits) best = Math.Max(best, hit.Score);
        var ranked = new (int At, double Score)[hits.Length];
        for (var i = 0; i < hits.Length; i++)
            ranked[i] = (i, Math.Min(1, coverage[i] * catalog[hits[i].Doc].Weight * hits[i].Score / best));
        Array.Sort(ranked, (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0) return byScore;
            var byRelevance = hits[b.At].Score.CompareTo(hits[a.At].Score);
            return byRelevance != 0 ? byRelevance : a.At.CompareTo(b.At);
        });
        return ranked;
    }

    /// <summary>
    /// The best <paramref name="count"/> passages for the question's known words, as Lucene would rank them for a
    /// query of each word's spellings in every searched field (best field first, a quarter of the others added),
    /// words summed. At <see cref="CommonSplitFrom"/> documents and more, common words only add to the score of
    /// documents a rarer word found (see <see cref="ScoreAdder"/>).
    /// </summary>
    private (ScoreDoc[] Docs, ulong[] WordsHeld, List<QuestionTerm> Numbered) Top(List<QuestionTerm> terms, TermLookup lookup, int count)
    {
        var known = terms.Where(t => t.Known).ToList();
        var common = index.Reader.NumDocs < CommonSplitFrom ? int.MaxValue : (int)(CommonShare * index.Reader.NumDocs);
        // When every word is common, the rarest one still leads: some word must narrow the documents scored.
        var rarest = known.MinBy(t => t.Frequency);
        List<QuestionTerm> leadingTerms = [], optionalTerms = [];
        foreach (var term in known) (term.Frequency <= common || ReferenceEquals(term, rarest) ? leadingTerms : optionalTerms).Add(term);
        var adder = adders.TryTake(out var idle) ? idle : new ScoreAdder(index.Reader.MaxDoc);
        try
        {
            var (docs, wordsHeld) = adder.Top(leadingTerms.ConvertAll(t => Postings(t, lookup)), optionalTerms.ConvertAll(t => Postings(t, lookup)), count);
            // The adder numbers the words leading first: coverage reads its bits in that order.
            return (docs, wordsHeld, [.. leadingTerms, .. optionalTerms]);
        }
        finally
        {
            adders.Add(adder);
        }
    }

    /// <summary>The scored postings of all a word's spellings in every searched field.</summary>
    private IReadOnlyList<ScoredPostings> Postings(QuestionTerm term, TermLookup lookup)
    {
        var postings = new List<ScoredPostings>(term.Alternatives.Count * IndexFields.Searched.Length);
        foreach (var alternative in term.Alternatives)
            for (var field = 0; field < IndexFields.Searched.Length; field++)
                if (lookup.Scored(field, alternative, Boost(field, term, index.Tuning), index.Searcher) is { } scored) postings.Add(scored);
        return postings;
    }

    /// <summary>A word's weight in a field: the field's boost, less for a corrected spelling.</summary>
    private static float Boost(int field, QuestionTerm term, SearchTuning tuning) =>
        (tuning.FieldBoosts ? IndexFields.Searched[field].Boost : 1f) * (term.Corrected ? CorrectionWeight : 1f);

    /// <summary>For each hit, the weighted share of the question's words it contains (synonyms included), in 0..1.</summary>
    private static double[] Coverage(ulong[] wordsHeld, List<QuestionTerm> terms, List<QuestionTerm> numbered)
    {
        var covered = new double[wordsHeld.Length];
        var total = 0.0;
        foreach (var term in terms) total += term.Weight;
        foreach (var term in terms)
        {
            if (!term.Known) continue;
            var bit = 1UL << numbered.IndexOf(term);
            for (var i = 0; i < wordsHeld.Length; i++)
                if ((wordsHeld[i] & bit) != 0) covered[i] += term.Weight * (term.Corrected ? CorrectionWeight : 1);
        }
        for (var i = 0; i < covered.Length; i++) covered[i] = total <= 0 ? 0 : covered[i] / total;
        return covered;
    }

    /// <summary>Lets go of every thread's lookups, and with them the index they read.</summary>
    public void Dispose() => lookups.Dispose();

    private string BodyOf(int doc) => index.Searcher.Doc(doc).Get(IndexFields.Body) ?? "";

    private SearchHit ToHit(ScoreDoc hit, double coverage, double score, List<QuestionTerm> terms, bool withSnippet)
    {
        var entry = catalog[hit.Doc];
        return new SearchHit(
            entry.Kind,
            entry.PageId,
            entry.SectionId,
            entry.Title,
            entry.Heading,
            withSnippet ? snippetWriter.Write(terms.SelectMany(t => t.Alternatives), BodyOf(hit.Doc)) : "",
            hit.Score,
            Math.Round(coverage, 4),
            Math.Round(Math.Clamp(score, 0, 1), 4));
    }
}
