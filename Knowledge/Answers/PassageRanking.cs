using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Knowledge.Answers;

/// <summary>One passage as ranked: its Lucene side, its meaning side and the mix of the two.</summary>
public sealed record RankedPassage(int Doc, string Page, string Section, string Title, string Heading, double Lexical, double Dense, double Score, IReadOnlyList<string> MatchedWords);

/// <summary>How the two sides' scores of a passage become one.</summary>
public enum PassageFusion
{
    /// <summary>
    /// Weighted reciprocal rank fusion, <c>w / (k + lexical rank) + (1 - w) / (k + dense rank)</c>, scaled so a
    /// passage first on both sides scores 1: the bot's ranking.
    /// </summary>
    ReciprocalRank,

    /// <summary><c>w * lexical + (1 - w) * dense</c> over the two sides' scores: kept so the evaluation can set it beside.</summary>
    WeightedMix,
}

/// <summary>
/// Ranks passages by their words and their meaning together. Lucene's side scores 0..1; the meaning side is the
/// passage's (or its page's best phrasing's) cosine to the question, times the page's weight as on Lucene's side.
/// The two scales say different things (a cosine of 0.6 is high, a lexical 0.6 middling), so the passages are
/// fused by their ranks on each side: over five deals of the k-fold folds that measured better than a fitted mix
/// of the scores (top-1 page 0.979 against 0.966, MRR 0.989 against 0.982; the eval command prints both). The
/// words' share <see cref="WordsWeight"/> is fitted on the labeled questions that name pages, as is the margin
/// under which a rival page makes it "Did you mean ...?".
/// </summary>
public sealed record PassageRanking(double WordsWeight, double CloseMargin, PassageFusion Fusion = PassageFusion.ReciprocalRank)
{
    /// <summary>Passages considered from each side before mixing.</summary>
    public const int CandidatesPerSide = 24;

    /// <summary>With too few page questions to fit on: both sides alike, and a rival only when it ties.</summary>
    public static PassageRanking Default { get; } = new(0.5, 0.0);

    /// <summary>Without a meaning side: Lucene alone, with the rival margin the lexical scores were tuned to.</summary>
    public static PassageRanking WordsOnly { get; } = new(1.0, 0.04, PassageFusion.WeightedMix);

    /// <summary>Reciprocal rank fusion's constant: 60, as in the paper that introduced it and most systems since.</summary>
    private const int FusionRankOffset = 60;

    private const int MinimumForFitting = 20;
    private const double NeedlessQuestionCost = 0.35;

    /// <param name="meaning">The message's meaning side; null ranks by Lucene alone.</param>
    public List<RankedPassage> Rank(SearchResult lexical, QuestionSearch search, MessageMeaning? meaning, int count)
    {
        if (meaning is null) return [.. lexical.Hits.Take(count).Select(h => Passage(search, h.Doc, h.Score, 0, h.Score, h.MatchedWords))];
        return Order(Candidates(lexical, search, meaning), count);
    }

    /// <summary>A passage worth mixing: found by either side, with both sides' scores.</summary>
    public sealed record Candidate(int Doc, double Lexical, double Dense, float Own, IReadOnlyList<string> Words, QuestionSearch Search);

    /// <summary>The passages either side ranks near the top, each with its Lucene and its meaning score.</summary>
    public static List<Candidate> Candidates(SearchResult lexical, QuestionSearch search, MessageMeaning meaning)
    {
        var byDoc = new Dictionary<int, (double Lexical, IReadOnlyList<string> Words)>();
        foreach (var hit in lexical.Hits) byDoc.TryAdd(hit.Doc, (hit.Score, hit.MatchedWords));
        var likeness = meaning.PassageLikeness;
        var docs = new HashSet<int>(byDoc.Keys);
        foreach (var doc in TopDocs(likeness, CandidatesPerSide)) docs.Add(doc);
        return docs.Select(doc =>
        {
            var (lexicalScore, words) = byDoc.TryGetValue(doc, out var found) ? found : (0, []);
            // An overview page (the hub, the FAQ) yields to the page that says it in full on this side as on Lucene's.
            var entry = search.Catalog[doc];
            var dense = Math.Max(likeness[doc], meaning.NearestPhrasings.ScoreOf(entry.PageId, otherwise: -1)) * entry.Weight;
            return new Candidate(doc, lexicalScore, dense, likeness[doc], words, search);
        }).ToList();
    }

    /// <summary>The candidates in this mix's order: mixed score, then the passage's own likeness, then document order.</summary>
    public List<RankedPassage> Order(IEnumerable<Candidate> candidates, int count) =>
        Scored(candidates.ToList())
            .OrderByDescending(p => p.Score).ThenByDescending(p => p.Candidate.Own).ThenBy(p => p.Candidate.Doc)
            .Take(count)
            .Select(p => Passage(p.Candidate.Search, p.Candidate.Doc, p.Candidate.Lexical, p.Candidate.Dense, p.Score, p.Candidate.Words))
            .ToList();

    private IEnumerable<(Candidate Candidate, double Score)> Scored(List<Candidate> candidates)
    {
        if (Fusion == PassageFusion.WeightedMix)
            return candidates.Select(c => (c, WordsWeight * c.Lexical + (1 - WordsWeight) * c.Dense));
        // A passage Lucene did not find has no lexical rank, so only its dense rank counts.
        var lexicalRank = candidates.Where(c => c.Lexical > 0).OrderByDescending(c => c.Lexical).ThenBy(c => c.Doc)
            .Select((c, i) => (c.Doc, Rank: i + 1)).ToDictionary(p => p.Doc, p => p.Rank);
        var denseRank = candidates.OrderByDescending(c => c.Dense).ThenBy(c => c.Doc)
            .Select((c, i) => (c.Doc, Rank: i + 1)).ToDictionary(p => p.Doc, p => p.Rank);
        return candidates.Select(c =>
        {
            var words = lexicalRank.TryGetValue(c.Doc, out var l) ? WordsWeight / (FusionRankOffset + l) : 0;
            var meaning = (1 - WordsWeight) / (FusionRankOffset + denseRank[c.Doc]);
            return (c, (words + meaning) * (FusionRankOffset + 1));
        });
    }

    /// <summary>Whether a passage of another page scores within the margin of the best: the person should pick.</summary>
    public bool RivalsClose(IReadOnlyList<RankedPassage> ranked) =>
        ranked.Count > 1 && ranked.Skip(1).Any(p => p.Page != ranked[0].Page && ranked[0].Score - p.Score <= CloseMargin);

    /// <summary>
    /// The weight under which the most labeled questions get a right page first (ties: the better mean reciprocal
    /// rank, then the weight nearest the default), then the margin that turns the most wrong first pages into a
    /// choice holding the right one, less a needless choice's cost.
    /// </summary>
    public static PassageRanking Fit(IReadOnlyList<(IReadOnlyList<string> Pages, Func<double, IReadOnlyList<RankedPassage>> Rank)> questions,
        PassageFusion fusion = PassageFusion.ReciprocalRank)
    {
        if (questions.Count < MinimumForFitting) return Default with { Fusion = fusion };
        var best = (Weight: Default.WordsWeight, Top1: -1, Mrr: -1.0);
        for (var w = 0.0; w <= 1.0001; w += 0.1)
        {
            var weight = Math.Round(w, 1);
            var (top1, mrr) = (0, 0.0);
            foreach (var (pages, rank) in questions)
            {
                var at = PageRank(rank(weight), pages);
                if (at == 1) top1++;
                if (at > 0) mrr += 1.0 / at;
            }
            if (top1 > best.Top1 || (top1 == best.Top1 && mrr > best.Mrr + 1e-9)) best = (weight, top1, mrr);
        }
        var ranked = questions.Select(q => (q.Pages, Ranked: q.Rank(best.Weight))).ToList();
        var margin = (Value: 0.0, Gain: 0.0);
        for (var m = 0.0; m <= 0.2001; m += 0.01)
        {
            var gain = 0.0;
            foreach (var (pages, list) in ranked)
            {
                if (!new PassageRanking(best.Weight, m, fusion).RivalsClose(list)) continue;
                var at = PageRank(list, pages);
                if (at == 1) gain -= NeedlessQuestionCost;
                else if (at is > 1 and <= 3) gain += 1;
            }
            if (gain > margin.Gain + 1e-9) margin = (m, gain);
        }
        return new PassageRanking(best.Weight, Math.Round(margin.Value, 2), fusion);
    }

    /// <summary>1-based rank of the first passage on one of the pages, counting each page once; 0 when none is.</summary>
    public static int PageRank(IEnumerable<RankedPassage> ranked, IReadOnlyList<string> pages)
    {
        var seen = new List<string>();
        foreach (var passage in ranked)
        {
            if (seen.Contains(passage.Page)) continue;
            seen.Add(passage.Page);
            if (pages.Contains(passage.Page)) return seen.Count;
        }
        return 0;
    }

    private static RankedPassage Passage(QuestionSearch search, int doc, double lexical, double dense, double score, IReadOnlyList<string> words)
    {
        var entry = search.Catalog[doc];
        return new RankedPassage(doc, entry.PageId, entry.SectionId, entry.Title, entry.Heading, Math.Round(lexical, 4), Math.Round(dense, 4), Math.Round(score, 4), words);
    }

    private static IEnumerable<int> TopDocs(float[] scores, int count)
    {
        if (scores.Length <= count) return Enumerable.Range(0, scores.Length);
        var top = new PriorityQueue<int, float>(count + 1);
        for (var doc = 0; doc < scores.Length; doc++)
        {
            if (top.Count == count && top.TryPeek(out _, out var lowest) && scores[doc] <= lowest) continue;
            top.Enqueue(doc, scores[doc]);
            if (top.Count > count) top.Dequeue();
        }
        return top.UnorderedItems.Select(i => i.Element);
    }
}
