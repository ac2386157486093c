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

    public SearchResult Search(string? question, int top, string? kind = null)
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

        var query = BuildQuery(terms, kind, index.Tuning);
        var topDocs = index.Searcher.Search(query, Math.Max(Candidates, top));
        if (topDocs.ScoreDocs.Length == 0) return SearchResult.None(profile);

        var best = topDocs.ScoreDocs[0].Score;
        var totalWeight = terms.Sum(t => t.Weight);
        var ranked = topDocs.ScoreDocs
            .Select(hit =>
            {
                var coverage = Coverage(hit.Doc, terms, totalWeight);
                var relevance = hit.Score / best;
                return (hit, coverage, score: coverage * (0.4 + 0.6 * relevance));
            })
            .OrderByDescending(x => x.score)
            .ThenByDescending(x => x.hit.Score)
            .Take(top)
            .Select(x => ToHit(x.hit, x.coverage, x.score, terms))
            .ToList();
        return new SearchResult(ranked, profile);
    }

    private static Query BuildQuery(List<QuestionTerm> terms, string? kind, SearchTuning tuning)
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
        if (kind is null) return query;
        var onlyKind = new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Kind, kind))) { Boost = 0 };
        return new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { onlyKind, Occur.MUST } };
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

    private SearchHit ToHit(ScoreDoc hit, double coverage, double score, List<QuestionTerm> terms)
    {
        var document = index.Searcher.Doc(hit.Doc);
        var body = document.Get(IndexFields.Body) ?? "";
        return new SearchHit(
            document.Get(IndexFields.Kind),
            document.Get(IndexFields.Page),
            document.Get(IndexFields.Section),
            document.Get(IndexFields.Title),
            document.Get(IndexFields.Heading),
            snippets.Write(terms.SelectMany(t => t.Alternatives), body),
            hit.Score,
            Math.Round(coverage, 4),
            Math.Round(Math.Clamp(score, 0, 1), 4));
    }
}
