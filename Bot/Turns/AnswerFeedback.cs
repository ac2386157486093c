using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Turns;

/// <summary>
/// A "Did this help?" button pressed, and what the button carries about the answer it rates: the passage, the
/// question (redacted), the router's confidence, the content version, and the passage to offer instead. The button
/// carries it rather than the conversation's state, so an answer costs no state write and an older answer's
/// button still rates that answer. A person can forge all of it, as they can forge a rating: it only ever names
/// what to show them and what to count.
/// </summary>
public sealed record AnswerFeedback(bool Helped, PassageRef Passage, string? Question, double? Confidence, string? IndexVersion, PassageRef? Instead)
{
    /// <summary>The key that makes a button's value feedback: <c>"feedback": "yes"|"no"</c>.</summary>
    public const string Key = "feedback";

    /// <summary>Longer questions are cut: the value travels to the client and back.</summary>
    public const int MaxQuestion = 300;

    private const int MaxIndexVersion = 64;

    /// <summary>The value of the button that says so (yes or no) about this answer.</summary>
    public IReadOnlyDictionary<string, string> ButtonValue(bool helped)
    {
        var value = new Dictionary<string, string> { [Key] = helped ? "yes" : "no", ["page"] = Passage.Page, ["section"] = Passage.Section };
        if (Question is not null) value["question"] = Question.Length <= MaxQuestion ? Question : Question[..MaxQuestion];
        if (Confidence is { } c) value["confidence"] = c.ToString("0.####", CultureInfo.InvariantCulture);
        if (IndexVersion is not null) value["index"] = IndexVersion;
        if (Instead is not null && !helped) value["next"] = $"{Instead.Page}#{Instead.Section}";
        return value;
    }

    /// <summary>The feedback in a button's value (string properties only), or null when it is none.</summary>
    internal static AnswerFeedback? Read(JObject value, PassageRef? passage)
    {
        var said = value.Value<string>(Key);
        if (passage is null || said is not ("yes" or "no")) return null;
        var question = value.Value<string>("question");
        var index = value.Value<string>("index");
        var next = value.Value<string>("next")?.Split('#') is [{ Length: > 0 } page, { Length: > 0 } section] ? new PassageRef(page, section) : null;
        return new AnswerFeedback(
            said == "yes",
            passage,
            question is null ? null : question.Length <= MaxQuestion ? question : question[..MaxQuestion],
            double.TryParse(value.Value<string>("confidence"), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 1 ? c : null,
            index is { Length: <= MaxIndexVersion } ? index : null,
            next);
    }
}
