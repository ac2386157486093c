using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Prompts;
using Say = MagLearn.Bot.Wording.Replies;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>
/// The question a frame is waiting on: an ask step's, or the engine's own "Did that solve it?" after a
/// resolution. Both are read and re-asked the same way.
/// </summary>
internal sealed record Question(string Text, string? Help, AnswerKind Kind, IReadOnlyList<FlowChoice> Choices, string? Expect, bool Optional)
{
    private static readonly Question DidThatSolveIt = new(Say.DidThatSolveIt, Say.DidThatSolveItHelp, AnswerKind.YesNo, [], null, false);

    /// <summary>
    /// Which question this is, in which flow ("login-assistance/password-company-login", or ".../solved" for "Did
    /// that solve it?" after a resolution): its buttons carry it, so a button pressed for an earlier question (a
    /// double click, an old card on Teams) is told apart from an answer to this one.
    /// </summary>
    public string Key { get; init; } = "";

    /// <summary>What the frame waits on at this step: its question, or "Did that solve it?" after a resolution.</summary>
    public static Question Of(FlowFrame frame, FlowStep step) => frame.Phase == FramePhase.Confirming || step is not AskStep ask
        ? DidThatSolveIt with { Key = $"{frame.FlowId}/{frame.StepId}/solved" }
        : new Question(ask.Text, ask.Help, ask.Answer, (ask as ChoiceStep)?.Choices ?? [], (ask as TypedAnswerStep)?.Expect, ask is TypedAnswerStep { Optional: true })
        {
            Key = $"{frame.FlowId}/{frame.StepId}",
        };

    public PromptReply Ask(string? before = null) =>
        new(before is null ? Text : before + Text, Kind switch
        {
            AnswerKind.Choice => Choices.Select(c => c.Title).ToList(),
            AnswerKind.YesNo => Say.YesNo,
            _ => [],
        }, Key);

    /// <summary>What "help" says about this question when its step gives no help of its own.</summary>
    public string Explanation()
    {
        var about = Help ?? Kind switch
        {
            AnswerKind.Choice => Say.ChoiceHelp,
            AnswerKind.YesNo => Say.YesNoHelp,
            _ => AnswerValidators.Hint(Expect ?? Expectations.Text) + (Optional ? Say.SkipIfYouRather : ""),
        };
        return about + "\n\n" + Say.AnytimeCommands;
    }

    public string NotUnderstood() => Kind switch
    {
        AnswerKind.Choice => Say.ChoiceNotUnderstood,
        AnswerKind.YesNo => Say.YesNoNotUnderstood,
        _ => AnswerValidators.Hint(Expect ?? Expectations.Text) + (Optional ? Say.OrSkip : ""),
    };
}
