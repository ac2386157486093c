using Lucene.Net.Analysis;
using MagLearn.Knowledge.Analysis;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// Matches a message against the guided flows' trigger phrasings, one phrasing at a time. A flow fits when the
/// message says what one of its phrasings says: the score is the share of that phrasing's words (weighted by
/// how rare they are in the Learn content) found in the message, synonyms and typo corrections included.
/// Asking it the other way round (how much of the message a flow's phrasings cover, as for passages) let a
/// flow with many phrasings cover any message, and gave long messages no chance.
/// </summary>
public sealed class FlowMatcher
{
    /// <summary>
    /// Below this much rarity a phrasing cannot prove a match on its own words: "my exostar account" holds
    /// only words every message about MAG has, so it counts as partly matched even when all of it is present.
    /// It is measured against the weight of a word found in a single document, so it holds at any index size.
    /// </summary>
    private const double MinimumEvidenceInRareWords = 0.75;

    private readonly double minimumEvidence;

    private sealed record Trigger(string FlowId, string FlowTitle, string Text, (string Term, double Weight)[] Terms, double Mass);

    private readonly List<Trigger> triggers;

    public FlowMatcher(IEnumerable<SearchDocument> flows, Analyzer questionAnalyzer, Func<string, double> weightOf, double rareWordWeight)
    {
        minimumEvidence = MinimumEvidenceInRareWords * rareWordWeight;
        triggers = flows
            .SelectMany(flow => flow.Phrasings.Select(text =>
            {
                var terms = AnalyzerTerms.Of(questionAnalyzer, IndexFields.Body, text).Distinct()
                    .Select(t => (t, weightOf(t))).ToArray();
                return new Trigger(flow.PageId, flow.Title, text, terms, terms.Sum(t => t.Item2));
            }))
            .Where(t => t.Terms.Length > 0)
            .ToList();
    }

    public static FlowMatcher None { get; } = new([], new Lucene.Net.Analysis.Core.KeywordAnalyzer(), _ => 0, 1);

    public bool IsEmpty => triggers.Count == 0;

    /// <summary>The best phrasing of each flow against the message's words, best flow first.</summary>
    public List<SearchHit> Match(IReadOnlySet<string> messageTerms, int top)
    {
        if (top <= 0 || triggers.Count == 0 || messageTerms.Count == 0) return [];
        // Each flow's best phrasing: the first to reach the flow's highest score, flows in the order first seen.
        var best = new List<(Trigger Trigger, double Score)>();
        foreach (var trigger in triggers)
        {
            var found = 0.0;
            foreach (var (term, weight) in trigger.Terms)
                if (messageTerms.Contains(term)) found += weight;
            var score = found / Math.Max(trigger.Mass, minimumEvidence);
            if (score <= 0) continue;
            var at = best.FindIndex(b => b.Trigger.FlowId == trigger.FlowId);
            if (at < 0) best.Add((trigger, score));
            else if (score > best[at].Score) best[at] = (trigger, score);
        }
        // Stable, as ties keep the order the flows were first seen in.
        var ranked = best.Select((b, i) => (b.Trigger, b.Score, Seen: i)).ToArray();
        Array.Sort(ranked, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Seen.CompareTo(b.Seen));
        var hits = new List<SearchHit>(Math.Min(top, ranked.Length));
        foreach (var (trigger, score, _) in ranked.Take(top))
            hits.Add(new SearchHit(SearchDocument.FlowKind, trigger.FlowId, "", trigger.FlowTitle, trigger.Text, "",
                (float)trigger.Mass, Math.Round(score, 4), Math.Round(Math.Min(1, score), 4)));
        return hits;
    }
}
