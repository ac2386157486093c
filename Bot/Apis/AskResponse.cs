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
    /// <summary>
    /// A candidate passage. The snippet is plain text; each highlight is where a word of the question (or its
    /// synonym) stands in it, for the portal to mark as it likes.
    /// </summary>
    public sealed record Answer(string Page, string Section, string Title, string Heading, string Url, Snippet Snippet, double Score);

    public sealed record Snippet(string Text, IReadOnlyList<Highlight> Highlights);

    public sealed record Highlight(int Start, int Length);

    /// <summary>With <c>clarify</c>: a flow offered beside the passages.</summary>
    public string? OfferedDialog { get; init; }

    /// <summary>Only with <c>explain=true</c>.</summary>
    public AskExplanation? Explain { get; init; }

    public static AskResponse From(AskResult result) => new(
        result.Route.ToString().ToLowerInvariant(),
        result.Dialog,
        Math.Round(result.Confidence, 4),
        result.Answers.Select(a => new Answer(a.Page, a.Section, a.Title, a.Heading, a.Url,
            new Snippet(a.Snippet.Text, a.Snippet.Highlights.Select(h => new Highlight(h.Start, h.Length)).ToList()), Math.Round(a.Score, 4))).ToList(),
        result.Shape == AnswerShape.Choices,
        result.SmallTalk == MagLearn.Knowledge.Answers.SmallTalk.None ? null : result.SmallTalk.ToString().ToLowerInvariant())
    {
        OfferedDialog = result.OfferedFlow,
        Explain = result.Explanation,
    };
}
