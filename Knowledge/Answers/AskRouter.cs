using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Knowledge.Answers;

/// <summary>
/// Decides, for any message outside a flow, whether it is small talk, a guided flow, a Learn answer or the
/// fallback. The trained router (<see cref="RouteClassifier"/>) picks the route from the message's meaning and
/// words; the passages are ranked by both (<see cref="PassageRanking"/>). The chat and <c>/api/ask</c> both call
/// this, so they never disagree.
/// </summary>
public sealed class AskRouter
{
    public const int DefaultTop = 3;
    public const int MaxTop = 10;

    /// <summary>"Did you mean ...?" offers at most this many passages.</summary>
    public const int MaxChoices = 3;

    private readonly KnowledgeBase knowledge;
    private readonly ILogger logger;
    private int encodingFailures;

    public AskRouter(KnowledgeBase knowledge, ILogger? logger = null)
    {
        this.knowledge = knowledge;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How many messages were answered by words alone because encoding them failed.</summary>
    public int EncodingFailures => Volatile.Read(ref encodingFailures);

    /// <param name="snippets">
    /// Whether answers carry a highlighted snippet: the ask API shows them, the chat shows whole passages and
    /// skips them (highlighting is the costliest step per answer). The decision is the same either way.
    /// </param>
    /// <param name="explain">Whether the result carries an <see cref="AskExplanation"/>.</param>
    public AskResult Ask(string? text, int top = DefaultTop, bool snippets = true, bool explain = false)
    {
        if (explain || string.IsNullOrWhiteSpace(text)) return Ask(text, top, snippets, explain, routing: null);
        var snapshot = knowledge.Current;
        var key = (text, Math.Clamp(top, 1, MaxTop), snippets);
        if (snapshot.RecentDecisions.TryGetValue(key, out AskResult? known)) return known!;
        var failures = EncodingFailures;
        var result = Ask(text, top, snippets, explain: false, routing: null);
        // A decision made by words alone because encoding failed is not kept: the next asking may read meaning.
        if (EncodingFailures == failures) snapshot.RecentDecisions.Set(key, result, new MemoryCacheEntryOptions { Size = 1 });
        return result;
    }

    /// <summary>As <see cref="Ask(string?, int, bool, bool)"/>, routed by a given router and mix (the evaluation's held-out folds).</summary>
    internal AskResult Ask(string? text, int top, bool snippets, bool explain, (RouteClassifier Router, PassageRanking Ranking)? routing)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var smallTalk = SmallTalkDetector.Detect(text);
        if (smallTalk != SmallTalk.None) return AskResult.For(smallTalk);
        if (string.IsNullOrWhiteSpace(text)) return new AskResult(AskRoute.Fallback, null, 0, []);
        if (text.Length > QuestionSearch.MaxQuestionLength) text = text[..QuestionSearch.MaxQuestionLength];

        var snapshot = knowledge.Current;
        var search = snapshot.Search;
        var lexical = search.Search(text, PassageRanking.CandidatesPerSide, flowTop: int.MaxValue, snippets: 0);
        var vector = snapshot.Semantic is null ? null : Encode(text);
        var meaning = vector is null ? null : snapshot.Semantic!.Read(vector);
        var (router, ranking) = routing ?? (meaning is not null && snapshot.MeaningRouter is { } both
            ? (both, snapshot.Ranking)
            : (snapshot.WordsRouter, PassageRanking.WordsOnly));
        if (!router.Evidence.HasFlag(RouteEvidence.Meaning)) meaning = null;

        var best = lexical.Hits.Count > 0 ? lexical.Hits[0].Score : 0;
        var decision = router.Decide(new MessageEvidence(text, meaning, best, lexical.Flows));
        var ranked = ranking.Rank(lexical, search, meaning, Math.Max(top, MaxChoices));

        var result = Shape(decision, ranked, ranking, top);
        if (snippets && result.Answers.Count > 0) result = result with { Answers = WithSnippets(result.Answers, search, lexical) };
        if (explain) result = result with { Explanation = Explain(snapshot, text, router, ranking, decision, ranked, lexical, meaning) };
        return result;
    }

    private static AskResult Shape(RouteDecision decision, List<RankedPassage> ranked, PassageRanking ranking, int top)
    {
        var chosen = decision.Best;
        var runnerUp = decision.Ranked.Count > 1 ? decision.Ranked[1] : (RouteChance?)null;
        var flow = RouteLabels.FlowOf(chosen.Label);
        var answers = ranked.Select(ToAnswer).ToList();
        if (flow is not null)
        {
            // A flow and an answer too close to pick: the person chooses between the flow and the passage.
            var offerAnswer = decision.Close && runnerUp?.Label == RouteLabels.Answer && answers.Count > 0;
            return new AskResult(AskRoute.Dialog, flow, chosen.Probability, answers.Take(offerAnswer ? 1 : top).ToList(),
                offerAnswer ? AnswerShape.Choices : AnswerShape.Single) { Routes = decision.Ranked, OfferedFlow = offerAnswer ? flow : null };
        }
        if (chosen.Label == RouteLabels.Fallback || answers.Count == 0)
            return new AskResult(AskRoute.Fallback, null, chosen.Probability, answers.Take(top).ToList()) { Routes = decision.Ranked };

        var offeredFlow = decision.Close && runnerUp is { } second ? RouteLabels.FlowOf(second.Label) : null;
        var choices = offeredFlow is not null || ranking.RivalsClose(ranked);
        var shown = choices ? answers.Take(Math.Min(top, MaxChoices)).ToList() : answers.Take(top).ToList();
        return new AskResult(AskRoute.Answer, null, chosen.Probability, shown, choices ? AnswerShape.Choices : AnswerShape.Single)
        {
            Routes = decision.Ranked,
            OfferedFlow = offeredFlow,
        };
    }

    /// <summary>
    /// The message's vector, or null when encoding fails: the router then reads words alone for this message, and
    /// the failure is logged (the first and every hundredth, so a broken model cannot flood the log).
    /// </summary>
    private float[]? Encode(string text)
    {
        var model = knowledge.Model;
        if (model is null) return null;
        try
        {
            return model.Messages.Encode(text);
        }
        catch (Exception e) when (e is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            var failures = Interlocked.Increment(ref encodingFailures);
            if (failures % 100 == 1) logger.LogError(e, "A message could not be encoded ({Failures} so far); answered by words alone", failures);
            return null;
        }
    }

    private static List<AskAnswer> WithSnippets(IReadOnlyList<AskAnswer> answers, QuestionSearch search, SearchResult lexical) =>
        answers.Select(a => a with { Snippet = search.SnippetFor(a.Page, a.Section, lexical.Profile) }).ToList();

    private static AskExplanation Explain(KnowledgeSnapshot snapshot, string text, RouteClassifier router, PassageRanking ranking,
        RouteDecision decision, List<RankedPassage> ranked, SearchResult lexical, MessageMeaning? meaning)
    {
        var index = snapshot.Index;
        var asked = AnalyzerTerms.Of(index.QuestionAnalyzer, "body", text).ToHashSet(StringComparer.Ordinal);
        var synonyms = AnalyzerTerms.Of(index.IndexAnalyzer, "body", text).Where(t => !asked.Contains(t)).Distinct().ToList();
        IReadOnlyList<AskExplanation.NearSentence> triggers = [];
        AskExplanation.NearSentence? phrasing = null;
        if (meaning is not null)
        {
            triggers = meaning.NearestTriggers.Ranked()
                .Select(t => new AskExplanation.NearSentence(t.Owner, t.Text, Math.Round(t.Score, 4))).ToList();
            phrasing = meaning.NearestPhrasings.Ranked()
                .Select(p => new AskExplanation.NearSentence(p.Owner, p.Text, Math.Round(p.Score, 4))).FirstOrDefault();
        }
        return new AskExplanation(
            index.Version,
            snapshot.Semantic?.ModelId,
            router.Evidence == RouteEvidence.Words ? "words" : "meaning and words",
            router.Temperature,
            router.CloseMargin,
            ranking.Fusion == PassageFusion.ReciprocalRank ? "reciprocal rank" : "weighted mix",
            ranking.WordsWeight,
            decision.Ranked.Select(c => c with { Probability = Math.Round(c.Probability, 4) }).ToList(),
            lexical.Profile.Terms,
            synonyms,
            lexical.Profile.Corrections,
            ranked.Select(p => new AskExplanation.PassageScore(p.Page, p.Section, p.Lexical, p.Dense, p.Score, p.MatchedWords)).ToList(),
            triggers,
            phrasing,
            lexical.Flows.Select(f => new AskExplanation.NearSentence(f.PageId, f.Heading, f.Score)).ToList());
    }

    public static string UrlOf(string page, string section) => $"/learn/{page}#{section}";

    private static AskAnswer ToAnswer(RankedPassage p) =>
        new(p.Page, p.Section, p.Title, p.Heading, UrlOf(p.Page, p.Section), Snippet.None, p.Score);
}
