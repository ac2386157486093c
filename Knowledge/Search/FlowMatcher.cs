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
        return triggers
            .Select(t => (Trigger: t, Score: t.Terms.Where(w => messageTerms.Contains(w.Term)).Sum(w => w.Weight) / Math.Max(t.Mass, minimumEvidence)))
            .Where(x => x.Score > 0)
            .GroupBy(x => x.Trigger.FlowId)
            .Select(g => g.MaxBy(x => x.Score))
            .OrderByDescending(x => x.Score)
            .Take(top)
            .Select(x => new SearchHit(SearchDocument.FlowKind, x.Trigger.FlowId, "", x.Trigger.FlowTitle, x.Trigger.Text, "",
                (float)x.Trigger.Mass, Math.Round(x.Score, 4), Math.Round(Math.Min(1, x.Score), 4)))
            .ToList();
    }
}
