namespace MagLearn.Knowledge.Answers;

/// <summary>Where a message goes: a Learn passage, a guided flow, or the honest "I don't know".</summary>
public enum AskRoute { Answer, Dialog, Fallback }

/// <summary>How an answer-route result is shown: one passage, or "Did you mean ...?" with a few choices.</summary>
public enum AnswerShape { Single, Choices }

/// <summary>Messages that are conversation rather than questions.</summary>
public enum SmallTalk { None, Greeting, Thanks, Help, Goodbye }

/// <summary>One candidate passage, best first in <see cref="AskResult.Answers"/>.</summary>
public sealed record AskAnswer(string Page, string Section, string Title, string Heading, string Url, string Snippet, double Score);

/// <summary>The router's decision for one message. The chat and the ask API both render exactly this.</summary>
public sealed record AskResult(
    AskRoute Route,
    string? Dialog,
    double Confidence,
    IReadOnlyList<AskAnswer> Answers,
    AnswerShape Shape = AnswerShape.Single,
    SmallTalk SmallTalk = SmallTalk.None)
{
    /// <summary>The flow that fitted best, taken or not, with its score: for the evaluation's account of a miss.</summary>
    public (string Id, double Score, string Phrasing)? BestFlow { get; init; }

    public static AskResult Fallback(double confidence, IReadOnlyList<AskAnswer> answers) =>
        new(AskRoute.Fallback, null, confidence, answers);

    public static AskResult For(SmallTalk kind) => new(AskRoute.Fallback, null, 0, [], SmallTalk: kind);
}
