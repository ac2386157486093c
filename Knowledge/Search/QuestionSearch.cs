using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using MagLearn.Knowledge.Analysis;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Finds the passages (and flows) that answer a question by their words. The user's text never reaches a query
/// parser: it is analyzed into words, and the query is composed from Lucene's own parts (see <see cref="QueryOf"/>),
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

    /// <summary>A word's best field counts in full, its other fields this much (a passage that says it in both wins).</summary>
    private const float OtherFieldsShare = 0.25f;

    /// <summary>
    /// Words in more than this share of documents ("account", "mag") only add to the score of documents that match
    /// a rarer word of the question, as Lucene's CommonTermsQuery does: at 100k passages, scoring every document
    /// that holds the commonest words is most of a search. A small index has no such cost, and there the split
    /// would only make rankings jumpier, so it applies from <see cref="CommonSplitFrom"/> documents.
    /// </summary>
    private const double CommonShare = 0.05;

    private const int CommonSplitFrom = 2000;

    private readonly KnowledgeIndex index;
    private readonly SnippetWriter snippetWriter;
    private readonly Vocabulary vocabulary;
    private readonly PassageCatalog catalog;

    public QuestionSearch(KnowledgeIndex index)
    {
        this.index = index;
        snippetWriter = new SnippetWriter(index.IndexAnalyzer);
        vocabulary = new Vocabulary(index.Reader, IndexFields.SearchedNames);
        catalog = new PassageCatalog(index.Reader);
    }

    /// <summary>What each document of the index is, by document number (the semantic index is laid out by it).</summary>
    internal PassageCatalog Catalog => catalog;

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
        var terms = QuestionTerm.Resolve(words, index.Reader, index.Tuning.TypoCorrection ? vocabulary : null);
        var profile = new QuestionProfile(
            terms.Select(t => t.Word).ToList(),
            terms.Where(t => !t.Known).Select(t => t.Word).ToList(),
            terms.Where(t => t.Corrected).ToDictionary(t => t.Word, t => t.Alternatives[0]))
        {
            Searched = terms.SelectMany(t => t.Alternatives).Distinct().ToList(),
        };
        var flows = MatchFlows(question, terms, flowTop, except: null);
        if (!terms.Any(t => t.Known)) return SearchResult.None(profile) with { Flows = flows };

        var scoreDocs = index.Searcher.Search(QueryOf(terms), Math.Max(Candidates, top)).ScoreDocs;
        if (scoreDocs.Length == 0) return SearchResult.None(profile) with { Flows = flows };

        var (coverage, held) = Coverage(scoreDocs, terms);
        var ranked = Rank(scoreDocs, coverage);
        var count = Math.Min(top, ranked.Length);
        var passages = new List<SearchHit>(count);
        for (var i = 0; i < count; i++)
        {
            var (at, score) = ranked[i];
            passages.Add(ToHit(scoreDocs[at], coverage[at], held[at], score, terms, withSnippet: i < (snippets ?? top)));
        }
        return new SearchResult(passages, profile) { Flows = flows };
    }

    /// <summary>
    /// Each flow's best trigger against the message, leaving out a trigger that is the message itself: a router
    /// learning from the triggers must see each one as a new message would, not as a perfect match of itself.
    /// </summary>
    public IReadOnlyList<SearchHit> FlowsFor(string text, string? except)
    {
        if (text.Length > MaxQuestionLength) text = text[..MaxQuestionLength];
        var words = AnalyzerTerms.Of(index.QuestionAnalyzer, IndexFields.Body, text);
        return MatchFlows(text, QuestionTerm.Resolve(words, index.Reader, index.Tuning.TypoCorrection ? vocabulary : null), int.MaxValue, except);
    }

    /// <summary>
    /// One clause per question word, the word's best field counting in full and its other fields a quarter
    /// (<see cref="DisjunctionMaxQuery"/>), its spellings (the word, or its typo corrections) as alternatives in it;
    /// the words' clauses added up in a <see cref="BooleanQuery"/>. At <see cref="CommonSplitFrom"/> documents, the
    /// common words' clauses only score documents a rarer word's clause matched: CommonTermsQuery's rule, applied
    /// per word across fields, where CommonTermsQuery itself reads one field.
    /// </summary>
    private Query QueryOf(List<QuestionTerm> terms)
    {
        var reader = index.Reader;
        var common = reader.NumDocs < CommonSplitFrom ? int.MaxValue : (int)(CommonShare * reader.NumDocs);
        var known = terms.Where(t => t.Known).ToList();
        // When every word is common, the rarest one still leads: some word must narrow the documents scored.
        var rarest = known.MinBy(t => t.Frequency);
        var leading = new BooleanQuery(disableCoord: true);
        var optional = new BooleanQuery(disableCoord: true);
        foreach (var term in known)
            (term.Frequency <= common || ReferenceEquals(term, rarest) ? leading : optional).Add(ClauseOf(term), Occur.SHOULD);
        if (optional.Clauses.Count == 0) return leading;
        return new BooleanQuery(disableCoord: true) { { leading, Occur.MUST }, { optional, Occur.SHOULD } };
    }

    private Query ClauseOf(QuestionTerm term)
    {
        var clause = new DisjunctionMaxQuery(OtherFieldsShare);
        foreach (var spelling in term.Alternatives)
            foreach (var (field, boost) in IndexFields.Searched)
                clause.Add(new TermQuery(new Term(field, spelling)) { Boost = (index.Tuning.FieldBoosts ? boost : 1f) * (term.Corrected ? CorrectionWeight : 1f) });
        return clause;
    }

    /// <summary>
    /// The message's words as the index sees them (synonyms expanded, typos corrected), matched against the
    /// flows' trigger phrasings.
    /// </summary>
    private List<SearchHit> MatchFlows(string question, List<QuestionTerm> terms, int flowTop, string? except)
    {
        if (flowTop <= 0 || index.Flows.IsEmpty) return [];
        var words = AnalyzerTerms.Of(index.IndexAnalyzer, IndexFields.Body, question);
        foreach (var term in terms)
            if (term.Corrected) words.AddRange(term.Alternatives);
        return index.Flows.Match(words, flowTop, except);
    }

    /// <summary>
    /// Orders hits by how much of the question they cover times their relevance relative to the best hit,
    /// times the page's weight: a passage must both hold the question's words and be about them. Ties go to the
    /// more relevant hit, then to Lucene's own order. Returns each hit's place in <paramref name="hits"/> and its score.
    /// </summary>
    private (int At, double Score)[] Rank(ScoreDoc[] hits, double[] coverage)
    {
        var best = hits.Max(h => h.Score);
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
    /// For each hit, the weighted share of the question's words it holds in any searched field (synonyms included,
    /// as they are indexed), in 0..1: each word's postings are walked forward to the hits, in document order.
    /// </summary>
    private (double[] Share, List<string>[] Words) Coverage(ScoreDoc[] hits, List<QuestionTerm> terms)
    {
        var covered = new double[hits.Length];
        var words = new List<string>[hits.Length];
        for (var i = 0; i < hits.Length; i++) words[i] = [];
        var total = terms.Sum(t => t.Weight);
        if (total <= 0) return (covered, words);
        var order = Enumerable.Range(0, hits.Length).OrderBy(i => hits[i].Doc).ToArray();
        var holds = new bool[hits.Length];
        foreach (var term in terms.Where(t => t.Known))
        {
            Array.Clear(holds);
            foreach (var spelling in term.Alternatives)
                foreach (var field in IndexFields.SearchedNames)
                    MarkHolders(new Term(field, spelling), hits, order, holds);
            var weight = term.Weight * (term.Corrected ? CorrectionWeight : 1);
            for (var i = 0; i < hits.Length; i++)
            {
                if (!holds[i]) continue;
                covered[i] += weight;
                words[i].Add(term.Word);
            }
        }
        for (var i = 0; i < covered.Length; i++) covered[i] /= total;
        return (covered, words);
    }

    private void MarkHolders(Term term, ScoreDoc[] hits, int[] order, bool[] holds)
    {
        foreach (var leaf in index.Reader.Leaves)
        {
            var postings = leaf.AtomicReader.GetTermDocsEnum(term);
            if (postings is null) continue;
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var at = -1;
            foreach (var i in order)
            {
                var doc = hits[i].Doc;
                if (doc < leaf.DocBase || doc >= end) continue;
                var local = doc - leaf.DocBase;
                if (at < local) at = postings.Advance(local);
                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                if (at == local) holds[i] = true;
            }
        }
    }

    /// <summary>A passage's snippet for the words a search looked for; none when the passage is not in the index.</summary>
    public Snippet SnippetFor(string page, string section, QuestionProfile profile) =>
        catalog.Find(page, section) is { } doc ? snippetWriter.Write(profile.Searched, BodyOf(doc)) : Snippet.None;

    public void Dispose() { }

    private string BodyOf(int doc) => index.Searcher.Doc(doc).Get(IndexFields.Body) ?? "";

    private SearchHit ToHit(ScoreDoc hit, double coverage, List<string> held, double score, List<QuestionTerm> terms, bool withSnippet)
    {
        var entry = catalog[hit.Doc];
        return new SearchHit(
            entry.Kind,
            entry.PageId,
            entry.SectionId,
            entry.Title,
            entry.Heading,
            withSnippet ? snippetWriter.Write(terms.SelectMany(t => t.Alternatives), BodyOf(hit.Doc)) : Snippet.None,
            hit.Score,
            Math.Round(coverage, 4),
            Math.Round(Math.Clamp(score, 0, 1), 4))
        { Doc = hit.Doc, MatchedWords = held };
    }
}
