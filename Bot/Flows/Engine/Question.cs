using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Prompts;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>
/// The question a frame is waiting on: an ask step's, or the engine's own "Did that solve it?" after a
/// resolution. Both are read and re-asked the same way.
/// </summary>
internal sealed record Question(string Text, string? Help, AnswerKind Kind, IReadOnlyList<FlowChoice> Choices, string? Expect, bool Optional)
{
    public const string BackToWhereWeWere = "Back to where we were: ";

    private static readonly IReadOnlyList<string> YesNoButtons = ["Yes", "No"];

    public static readonly Question DidThatSolveIt = new(
        "Did that solve it?",
        "Tell me **yes** if you're sorted, or **no** and I'll put together a summary and get you to a person.",
        AnswerKind.YesNo, [], null, false);

    public static Question Of(FlowFrame frame, FlowStep step) => frame.Phase == FramePhase.Confirming
        ? DidThatSolveIt
        : new Question(step.Text ?? "", step.Help, step.Answer, step.Choices, step.Expect, step.Optional);

    public PromptReply Ask(string? before = null) =>
        new(before is null ? Text : before + Text, Kind switch
        {
            AnswerKind.Choice => Choices.Select(c => c.Title).ToList(),
            AnswerKind.YesNo => YesNoButtons,
            _ => [],
        });

    /// <summary>What "help" says about this question when its step gives no help of its own.</summary>
    public string Explanation()
    {
        var about = Help ?? Kind switch
        {
            AnswerKind.Choice => "I'm asking so I can take you straight to the fix for your case. Pick the option closest to what's happening: tap it, type its number, or say it in your own words.",
            AnswerKind.YesNo => "Just answer yes or no; it decides which fix fits your case.",
            _ => AnswerValidators.Hint(Expect ?? Expectations.Text) + (Optional ? " If you'd rather not say, type skip." : ""),
        };
        return about + "\n\nYou can also say \"start over\", \"cancel\" or \"talk to a person\" at any time.";
    }

    public string NotUnderstood() => Kind switch
    {
        AnswerKind.Choice => "Sorry, I didn't catch which one you meant. Tap an option, type its number, or use its words.",
        AnswerKind.YesNo => "Sorry, I need a yes or a no for this one.",
        _ => AnswerValidators.Hint(Expect ?? Expectations.Text) + (Optional ? " Or type skip." : ""),
    };
}
