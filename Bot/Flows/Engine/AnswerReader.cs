using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Prompts;
using MagLearn.Bot.Privacy;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>How a message reads as an answer to the current question.</summary>
internal abstract record Reading
{
    public sealed record Chosen(int Index) : Reading;
    public sealed record Said(bool Yes) : Reading;
    /// <summary>A typed value; <paramref name="Masked"/> when part of it looked secret and was left out.</summary>
    public sealed record Typed(string Value, bool Masked) : Reading;
    public sealed record Skipped : Reading;
    /// <summary>It looked like a password or code: not kept, not echoed, not sent anywhere.</summary>
    public sealed record Secret : Reading;
    public sealed record NotAnAnswer : Reading;
}

internal static class AnswerReader
{
    private static readonly HashSet<string> SkipWords = new(StringComparer.Ordinal)
    {
        "skip", "skip it", "skip this", "skip that", "pass", "no", "nope", "none", "n a", "na", "unknown", "dont know",
        "i dont know", "not sure", "no idea", "dont have it", "i dont have it", "i dont have one", "dont have one",
        "rather not say", "id rather not say", "prefer not to say", "no thanks",
    };

    public static bool IsSkip(string? text) => SkipWords.Contains(Words.Sentence(text));

    public static Reading Read(Question question, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Reading.NotAnAnswer();
        switch (question.Kind)
        {
            case AnswerKind.Choice when ChoiceMatcher.Match(text, question.Choices) is { } index:
                return new Reading.Chosen(index);
            // A text-only channel lists the buttons as "1. Yes" and "2. No", so a number answers too.
            case AnswerKind.YesNo when (YesNo.Read(text) ?? (ChoiceMatcher.Numbered(text, 2) is { } index ? index == 0 : null)) is { } yes:
                return new Reading.Said(yes);
            case AnswerKind.Text when question.Expect is { } expect and not Expectations.Text && AnswerValidators.Validate(expect, text) is { } value:
                return new Reading.Typed(value, false);
            case AnswerKind.Text when question.Expect is null or Expectations.Text:
                return ReadFreeText(text);
        }
        return SecretRedactor.ContainsSecret(text) ? new Reading.Secret() : new Reading.NotAnAnswer();
    }

    /// <summary>Free text is kept with secrets masked; if nothing but a secret is left, nothing is kept.</summary>
    private static Reading ReadFreeText(string text)
    {
        var masked = SecretRedactor.Redact(text).Trim();
        var left = masked.Replace(SecretRedactor.Mask, "").Trim(' ', '.', ',', ':', ';', '-');
        if (Words.Of(left).Length == 0) return new Reading.Secret();
        return AnswerValidators.Validate(Expectations.Text, masked) is { } value
            ? new Reading.Typed(value, masked != text.Trim())
            : new Reading.NotAnAnswer();
    }
}
