using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Apis;

/// <summary>The ask API's JSON contract. <c>clarify</c> is true when the chat would ask "Did you mean ...?".</summary>
public sealed record AskResponse(
    string Route,
    string? Dialog,
    double Confidence,
    IReadOnlyList<AskResponse.Answer> Answers,
    bool Clarify,
    string? SmallTalk)
{
    public sealed record Answer(string Page, string Section, string Title, string Heading, string Url, string Snippet, double Score);

    public static AskResponse From(AskResult result) => new(
        result.Route.ToString().ToLowerInvariant(),
        result.Dialog,
        Math.Round(result.Confidence, 4),
        result.Answers.Select(a => new Answer(a.Page, a.Section, a.Title, a.Heading, a.Url, a.Snippet, Math.Round(a.Score, 4))).ToList(),
        result.Shape == AnswerShape.Choices,
        result.SmallTalk == MagLearn.Knowledge.Answers.SmallTalk.None ? null : result.SmallTalk.ToString().ToLowerInvariant());
}
