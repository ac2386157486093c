using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using MagLearn.Knowledge.Analysis;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Finds the passages (and flows) that answer a question. The user's text never reaches a query parser: it is
/// analyzed into words and the query is built from term objects, so quotes, brackets, operators and wildcards
/// are just characters, and any input gives results or none, never an exception.
/// </summary>
public sealed class QuestionSearch
{
    /// <summary>Longer input is cut here before analysis: the first part of a message says what it is about.</summary>
    public const int MaxQuestionLength = 2000;

    /// <summary>How many hits are scored for coverage before the final ranking.</summary>
    private const int Candidates = 24;

    /// <summary>A corrected spelling counts a little less than the word as typed, so exact matches win.</summary>
    private const float CorrectionWeight = 0.7f;

    private readonly KnowledgeIndex index;
    private readonly SnippetWriter snippets;
    private readonly Vocabulary vocabulary;

    public QuestionSearch(KnowledgeIndex index)
    {
        this.index = index;
        snippets = new SnippetWriter(index.IndexAnalyzer);
        vocabulary = new Vocabulary(index.Reader, IndexFields.All);
    }

    /// <summary>
    /// The best <paramref name="top"/> passages and the best <paramref name="flowTop"/> flows for a question, each
    /// kind ranked on its own scale so that adding flows to the index never changes a passage's score.
    /// </summary>
    public SearchResult Search(string? question, int top, int flowTop = 0)
    {
        if (string.IsNullOrWhiteSpace(question) || top <= 0) return SearchResult.None(QuestionProfile.Empty);
        if (question.Length > MaxQuestionLength) question = question[..MaxQuestionLength];

        var words = AnalyzerTerms.Of(index.QuestionAnalyzer, IndexFields.Body, question);
        var terms = QuestionTerm.Resolve(words, index.Reader, index.Tuning.TypoCorrection ? vocabulary : null);
        var profile = new QuestionProfile(
            terms.Select(t => t.Word).ToList(),
            terms.Where(t => !t.Known).Select(t => t.Word).ToList(),
            terms.Where(t => t.Corrected).ToDictionary(t => t.Word, t => t.Alternatives[0]));
        if (!terms.Any(t => t.Known)) return SearchResult.None(profile);

        var query = BuildQuery(terms, index.Tuning);
        var scoreDocs = index.Searcher.Search(query, Math.Max(Candidates, top + flowTop)).ScoreDocs;
        var totalWeight = terms.Sum(t => t.Weight);
        var byKind = scoreDocs
            .Select(hit => (hit, fields: index.Searcher.Doc(hit.Doc, RankingFields)))
            .GroupBy(x => x.fields.Get(IndexFields.Kind), x => (x.hit, weight: x.fields.GetField(IndexFields.Weight)?.GetDoubleValue() ?? 1.0))
            .ToDictionary(g => g.Key, g => Rank(g.ToList(), terms, totalWeight));

        var passages = byKind.GetValueOrDefault(SearchDocument.PassageKind, [])
            .Take(top).Select(x => ToHit(x.Hit, x.Coverage, x.Score, terms, withSnippet: true)).ToList();
        var flows = byKind.GetValueOrDefault(SearchDocument.FlowKind, [])
            .Take(flowTop).Select(x => ToHit(x.Hit, x.Coverage, x.Score, terms, withSnippet: false)).ToList();
        return new SearchResult(passages, profile) { Flows = flows };
    }

    private static readonly ISet<string> RankingFields = new HashSet<string> { IndexFields.Kind, IndexFields.Weight };

    /// <summary>
    /// Orders hits of one kind by how much of the question they cover times their relevance relative to the
    /// best hit, times the page's weight: a passage must both hold the question's words and be about them.
    /// </summary>
    private List<(ScoreDoc Hit, double Coverage, double Score)> Rank(List<(ScoreDoc Hit, double Weight)> hits, List<QuestionTerm> terms, double totalWeight)
    {
        var best = hits[0].Hit.Score;
        return hits
            .Select(x =>
            {
                var (hit, weight) = x;
                var coverage = Coverage(hit.Doc, terms, totalWeight);
                return (hit, coverage, Math.Min(1, coverage * weight * hit.Score / best));
            })
            .OrderByDescending(x => x.Item3)
            .ThenByDescending(x => x.hit.Score)
            .ToList();
    }

    private static Query BuildQuery(List<QuestionTerm> terms, SearchTuning tuning)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms.Where(t => t.Known))
        {
            var either = new DisjunctionMaxQuery(tieBreakerMultiplier: 0.25f);
            foreach (var alternative in term.Alternatives)
            {
                foreach (var (field, boost) in IndexFields.Searched)
                {
                    either.Add(new TermQuery(new Term(field, alternative))
                    {
                        Boost = (tuning.FieldBoosts ? boost : 1f) * (term.Corrected ? CorrectionWeight : 1f),
                    });
                }
            }
            query.Add(either, Occur.SHOULD);
        }
        // Neighbouring words that also stand together in the passage ("user id", "security questions") are a
        // strong sign it is about exactly that.
        var known = terms.Where(t => t.Known).ToList();
        for (var i = 0; tuning.PhraseBonus && i + 1 < known.Count; i++)
        {
            AddPair(query, known[i], known[i + 1]);
        }
        return query;
    }

    private static void AddPair(BooleanQuery query, QuestionTerm first, QuestionTerm second)
    {
        var pair = new PhraseQuery { Slop = 1, Boost = 0.6f };
        pair.Add(new Term(IndexFields.All, first.Alternatives[0]));
        pair.Add(new Term(IndexFields.All, second.Alternatives[0]));
        query.Add(pair, Occur.SHOULD);
    }

    /// <summary>The weighted share of the question's words that this document contains (synonyms included).</summary>
    private double Coverage(int doc, List<QuestionTerm> terms, double totalWeight)
    {
        if (totalWeight <= 0) return 0;
        var vector = index.Reader.GetTermVector(doc, IndexFields.All);
        if (vector is null) return 0;
        var termsEnum = vector.GetEnumerator();
        double covered = 0;
        foreach (var term in terms)
        {
            foreach (var alternative in term.Alternatives)
            {
                if (!termsEnum.SeekExact(new BytesRef(alternative))) continue;
                covered += term.Weight * (term.Corrected ? CorrectionWeight : 1);
                break;
            }
        }
        return covered / totalWeight;
    }

    private SearchHit ToHit(ScoreDoc hit, double coverage, double score, List<QuestionTerm> terms, bool withSnippet)
    {
        var document = index.Searcher.Doc(hit.Doc);
        var body = document.Get(IndexFields.Body) ?? "";
        return new SearchHit(
            document.Get(IndexFields.Kind),
            document.Get(IndexFields.Page),
            document.Get(IndexFields.Section),
            document.Get(IndexFields.Title),
            document.Get(IndexFields.Heading),
            withSnippet ? snippets.Write(terms.SelectMany(t => t.Alternatives), body) : "",
            hit.Score,
            Math.Round(coverage, 4),
            Math.Round(Math.Clamp(score, 0, 1), 4));
    }
}
