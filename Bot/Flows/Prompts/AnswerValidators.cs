using System.Text.RegularExpressions;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Wording;
using static MagLearn.Bot.Flows.Definition.Expectations;

namespace MagLearn.Bot.Flows.Prompts;

/// <summary>
/// The checks a typed answer can be held to, by the name a step gives in <c>expect:</c> (<see cref="Expectations"/>).
/// Each finds the value inside a sentence ("it's smithj_1234") and returns it clean, or null with a hint for the
/// re-prompt.
/// </summary>
public static partial class AnswerValidators
{
    /// <summary>The value found in <paramref name="text"/>, or null if it does not pass.</summary>
    public static string? Validate(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return name switch
        {
            Email => Single(EmailPattern(), text)?.ToLowerInvariant(),
            UserId => Single(UserIdPattern(), text)?.ToLowerInvariant(),
            UserIdOrEmail => Validate(UserId, text) ?? Validate(Email, text),
            OrganizationId => Single(OrganizationIdPattern(), text)?.ToUpperInvariant(),
            Text => text.Trim().Length >= 2 ? text.Trim() : null,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown validator"),
        };
    }

    public static string Hint(string name) => name switch
    {
        Email => Replies.EmailHint,
        UserId => Replies.UserIdHint,
        UserIdOrEmail => Replies.UserIdOrEmailHint,
        OrganizationId => Replies.OrganizationIdHint,
        _ => Replies.TextHint,
    };

    private static string? Single(Regex pattern, string text)
    {
        var found = pattern.Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    /// <summary>Last name (letters, digits, apostrophe, hyphen), first initial, underscore, four digits.</summary>
    [GeneratedRegex(@"(?<![\w@.'-])[a-z][a-z0-9'-]*_\d{4}(?![\w@])", RegexOptions.IgnoreCase)]
    private static partial Regex UserIdPattern();

    /// <summary>
    /// Exostar has not published the Organization ID's format (the facts say so), so this accepts what such an ID
    /// plausibly is: one token of 4 to 12 letters and digits. It must hold a digit, or every ordinary word would pass.
    /// </summary>
    [GeneratedRegex(@"(?<![\w@.-])(?=[A-Za-z]*\d)[A-Za-z0-9]{4,12}(?![\w@-])")]
    private static partial Regex OrganizationIdPattern();
}
