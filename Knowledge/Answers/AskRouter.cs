using MagLearn.Knowledge.Search;

namespace MagLearn.Knowledge.Answers;

/// <summary>
/// Decides, for any message outside a flow, whether it is small talk, a Learn answer, a guided flow or the
/// fallback. The chat and <c>/api/ask</c> both call this, so they never disagree.
/// </summary>
public sealed class AskRouter
{
    public const int DefaultTop = 3;
    public const int MaxTop = 10;

    private readonly KnowledgeBase knowledge;
    private readonly AnswerPolicy policy;

    public AskRouter(KnowledgeBase knowledge, AnswerPolicy policy)
    {
        this.knowledge = knowledge;
        this.policy = policy;
    }

    public AnswerPolicy Policy => policy;

    public AskResult Ask(string? text, int top = DefaultTop)
    {
        top = Math.Clamp(top, 1, MaxTop);
        var smallTalk = SmallTalkDetector.Detect(text);
        if (smallTalk != SmallTalk.None) return AskResult.For(smallTalk);

        var search = knowledge.Current.Search.Search(text, Math.Max(top, policy.MaxChoices) + 2, SearchDocument.PassageKind);
        var answers = Distinct(search.Hits).Select(ToAnswer).ToList();
        var (route, shape) = policy.Decide(answers);
        var confidence = answers.Count == 0 ? 0 : answers[0].Score;
        var shown = answers.Take(shape == AnswerShape.Choices ? Math.Min(top, policy.MaxChoices) : top).ToList();
        return route == AskRoute.Fallback
            ? AskResult.Fallback(confidence, shown)
            : new AskResult(route, null, confidence, shown, shape);
    }

    /// <summary>One hit per section: the index never holds two, but the guard keeps choices distinct.</summary>
    private static IEnumerable<SearchHit> Distinct(IEnumerable<SearchHit> hits) =>
        hits.DistinctBy(h => (h.PageId, h.SectionId));

    public static string UrlOf(string page, string section) => $"/learn/{page}#{section}";

    private static AskAnswer ToAnswer(SearchHit hit) =>
        new(hit.PageId, hit.SectionId, hit.Title, hit.Heading, UrlOf(hit.PageId, hit.SectionId), hit.Snippet, hit.Score);
}
