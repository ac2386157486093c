using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;

namespace MagLearn.Knowledge.Answers;

/// <summary>Where a message goes: a Learn passage, a guided flow, or the honest "I don't know".</summary>
public enum AskRoute { Answer, Dialog, Fallback }

/// <summary>
/// How a result is shown: one passage or flow, or "Did you mean ...?" with a few choices (rival passages, and the
/// flow in <see cref="AskResult.OfferedFlow"/> when a flow and an answer were too close to pick).
/// </summary>
public enum AnswerShape { Single, Choices }

/// <summary>Messages that are conversation rather than questions.</summary>
public enum SmallTalk { None, Greeting, Thanks, Help, Goodbye }

/// <summary>One candidate passage, best first in <see cref="AskResult.Answers"/>.</summary>
public sealed record AskAnswer(string Page, string Section, string Title, string Heading, string Url, Snippet Snippet, double Score);

/// <summary>The router's decision for one message. The chat and the ask API both render exactly this.</summary>
public sealed record AskResult(
    AskRoute Route,
    string? Dialog,
    double Confidence,
    IReadOnlyList<AskAnswer> Answers,
    AnswerShape Shape = AnswerShape.Single,
    SmallTalk SmallTalk = SmallTalk.None)
{
    /// <summary>Every route the router weighed, likeliest first, with its calibrated probability.</summary>
    public IReadOnlyList<RouteChance> Routes { get; init; } = [];

    /// <summary>With <see cref="AnswerShape.Choices"/>: a flow to offer beside the passages, or null.</summary>
    public string? OfferedFlow { get; init; }

    /// <summary>Why the router decided as it did, when asked for (<c>explain</c>).</summary>
    public AskExplanation? Explanation { get; init; }

    public static AskResult For(SmallTalk kind) => new(AskRoute.Fallback, null, 0, [], SmallTalk: kind);
}
