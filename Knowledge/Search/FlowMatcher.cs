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

    /// <summary>A phrasing of a flow: its words as ids into the phrasings' vocabulary, each with its weight.</summary>
    private sealed record Trigger(int Flow, string FlowId, string FlowTitle, string Text, int[] Terms, double[] Weights, double Mass);

    private readonly List<Trigger> triggers;

    /// <summary>Every word any phrasing holds, numbered: a message is read once into which of them it has.</summary>
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);

    private readonly int flowCount;

    public FlowMatcher(IEnumerable<SearchDocument> flows, Analyzer questionAnalyzer, Func<string, double> weightOf, double rareWordWeight)
    {
        minimumEvidence = MinimumEvidenceInRareWords * rareWordWeight;
        var flowIds = new Dictionary<string, int>(StringComparer.Ordinal);
        triggers = [];
        foreach (var flow in flows)
        foreach (var text in flow.Phrasings)
        {
            var terms = AnalyzerTerms.Of(questionAnalyzer, IndexFields.Body, text).Distinct().ToArray();
            if (terms.Length == 0) continue;
            var weights = terms.Select(weightOf).ToArray();
            if (!flowIds.TryGetValue(flow.PageId, out var flowAt)) flowIds[flow.PageId] = flowAt = flowIds.Count;
            var ids = terms.Select(t => vocabulary.TryGetValue(t, out var id) ? id : vocabulary[t] = vocabulary.Count).ToArray();
            triggers.Add(new Trigger(flowAt, flow.PageId, flow.Title, text, ids, weights, weights.Sum()));
        }
        flowCount = flowIds.Count;
    }

    public static FlowMatcher None { get; } = new([], new Lucene.Net.Analysis.Core.KeywordAnalyzer(), _ => 0, 1);

    public bool IsEmpty => triggers.Count == 0;

    /// <summary>
    /// The best phrasing of each flow against the message's words (duplicates allowed), best flow first; a phrasing
    /// whose text is <paramref name="except"/> is left out.
    /// </summary>
    public List<SearchHit> Match(IEnumerable<string> messageTerms, int top, string? except = null)
    {
        if (top <= 0 || triggers.Count == 0) return [];
        var present = new bool[vocabulary.Count];
        var any = false;
        foreach (var term in messageTerms)
        {
            if (!vocabulary.TryGetValue(term, out var id)) continue;
            present[id] = true;
            any = true;
        }
        if (!any) return [];

        // Each flow's best phrasing: the first to reach the flow's highest score, flows in the order first seen.
        var bestScore = new double[flowCount];
        var bestTrigger = new Trigger?[flowCount];
        var seen = new List<int>(flowCount);
        foreach (var trigger in triggers)
        {
            if (except is not null && trigger.Text == except) continue;
            var found = 0.0;
            for (var i = 0; i < trigger.Terms.Length; i++)
                if (present[trigger.Terms[i]]) found += trigger.Weights[i];
            var score = found / Math.Max(trigger.Mass, minimumEvidence);
            if (score <= 0) continue;
            if (bestTrigger[trigger.Flow] is null) seen.Add(trigger.Flow);
            else if (score <= bestScore[trigger.Flow]) continue;
            (bestTrigger[trigger.Flow], bestScore[trigger.Flow]) = (trigger, score);
        }
        // Stable, as ties keep the order the flows were first seen in.
        var ranked = seen.Select((flow, i) => (Trigger: bestTrigger[flow]!, Score: bestScore[flow], Seen: i)).ToArray();
        Array.Sort(ranked, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Seen.CompareTo(b.Seen));
        var hits = new List<SearchHit>(Math.Min(top, ranked.Length));
        foreach (var (trigger, score, _) in ranked.Take(top))
            hits.Add(new SearchHit(SearchDocument.FlowKind, trigger.FlowId, "", trigger.FlowTitle, trigger.Text, Snippet.None,
                (float)trigger.Mass, Math.Round(score, 4), Math.Round(Math.Min(1, score), 4)));
        return hits;
    }
}
