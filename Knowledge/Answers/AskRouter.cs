using MagLearn.Knowledge.Search;

namespace MagLearn.Knowledge.Answers;

/// <summary>
/// Decides, for any message outside a flow, whether it is small talk, a guided flow, a Learn answer or the
/// fallback. One search ranks the flows' trigger phrasings and the Learn passages together; the chat and
/// <c>/api/ask</c> both call this, so they never disagree.
/// </summary>
public sealed class AskRouter
{
    public const int DefaultTop = 3;
    public const int MaxTop = 10;

    private readonly KnowledgeBase knowledge;
    private readonly AnswerPolicy policy;
    private readonly IReadOnlyList<IDirectFlowRequest> directRequests;

    public AskRouter(KnowledgeBase knowledge, AnswerPolicy policy, IEnumerable<IDirectFlowRequest>? directRequests = null)
    {
        this.knowledge = knowledge;
        this.policy = policy;
        this.directRequests = directRequests?.ToList() ?? [];
    }

    public AnswerPolicy Policy => policy;

    /// <param name="snippets">
    /// Whether answers carry a highlighted snippet: the ask API shows them, the chat shows whole passages and
    /// skips them (highlighting is the costliest step per answer). The decision is the same either way.
    /// </param>
    public AskResult Ask(string? text, int top = DefaultTop, bool snippets = true)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var smallTalk = SmallTalkDetector.Detect(text);
        if (smallTalk != SmallTalk.None) return AskResult.For(smallTalk);
        foreach (var direct in directRequests)
        {
            if (text is not null && direct.FlowFor(text) is { } flowId) return new AskResult(AskRoute.Dialog, flowId, 1.0, []);
        }

        var search = knowledge.Current.Search.Search(text, Math.Max(top, policy.MaxChoices) + 2, flowTop: 1, snippets: snippets ? top : 0);
        var answers = search.Hits.DistinctBy(h => (h.PageId, h.SectionId)).Select(ToAnswer).ToList();
        var flow = search.Flows.FirstOrDefault();
        var bestFlow = flow is null ? ((string, double, string)?)null : (flow.PageId, flow.Score, flow.Heading);
        if (flow is not null && policy.PrefersFlow(flow.Score, answers.Count == 0 ? 0 : answers[0].Score, text is not null && MessageForm.AsksForInformation(text)))
            return new AskResult(AskRoute.Dialog, flow.PageId, flow.Score, answers.Take(top).ToList()) { BestFlow = bestFlow };

        var (route, shape) = policy.Decide(answers);
        var confidence = answers.Count == 0 ? 0 : answers[0].Score;
        var shown = answers.Take(shape == AnswerShape.Choices ? Math.Min(top, policy.MaxChoices) : top).ToList();
        var result = route == AskRoute.Fallback
            ? AskResult.Fallback(confidence, shown)
            : new AskResult(route, null, confidence, shown, shape);
        return result with { BestFlow = bestFlow };
    }

    public static string UrlOf(string page, string section) => $"/learn/{page}#{section}";

    private static AskAnswer ToAnswer(SearchHit hit) =>
        new(hit.PageId, hit.SectionId, hit.Title, hit.Heading, UrlOf(hit.PageId, hit.SectionId), hit.Snippet, hit.Score);
}
