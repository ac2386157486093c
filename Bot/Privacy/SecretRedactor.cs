using System.Text.RegularExpressions;

namespace MagLearn.Bot.Privacy;

/// <summary>
/// Masks what looks like a secret before words are kept or passed on: a password given as "password is X" or
/// "pw: X", one-time codes (6 to 8 digits), 16-digit certificate passcodes, card numbers and the old
/// xxxx-xxxx-xxxx-xxxx system passwords. The bot never asks for these, but people type them anyway.
///
/// Whatever a stranger types passes through here, so every pattern runs in time linear in the text: they are
/// written without backreferences or lookarounds and run on <see cref="RegexOptions.NonBacktracking"/>, which
/// cannot be made to backtrack, with a timeout besides. Should one ever pass, the whole text is masked: a lost
/// message is better than a kept secret.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "[redacted]";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        try
        {
            // Every transcript string passes through here; most hold nothing the patterns below could match.
            if (!MayHoldACode(text)) return LoneSecret(text) ? Mask : text;
            // Codes first, so that "passcode is 1234 5678 9012 3456" loses all four groups, not just the first.
            var redacted = GroupedCode().Replace(text, MaskGroupedCode);
            redacted = LongNumber().Replace(redacted, MaskStandingAlone);
            redacted = ShortCode().Replace(redacted, MaskStandingAlone);
            redacted = LabelledSecret().Replace(redacted, MaskLabelled);
            return LoneSecret(redacted) ? Mask : redacted;
        }
        catch (RegexMatchTimeoutException)
        {
            return Mask;
        }
    }

    /// <summary>Per pattern and text: far above the milliseconds the largest message takes.</summary>
    private const int TimeoutMilliseconds = 2000;

    public static bool ContainsSecret(string? text) => !string.IsNullOrEmpty(text) && Redact(text) != text;

    /// <summary>
    /// Whether any pattern could match: each needs a digit, a hyphen, or one of the labels' letters ("pass",
    /// "pw", "pin", "otp", "code" are in every label <see cref="LabelledSecret"/> knows). Text beyond ASCII takes
    /// the patterns' way, which knows other scripts' digits and case rules.
    /// </summary>
    private static bool MayHoldACode(string text) =>
        !System.Text.Ascii.IsValid(text) || text.AsSpan().IndexOfAny(DigitsAndHyphen) >= 0
        || text.Contains("pass", StringComparison.OrdinalIgnoreCase) || text.Contains("pw", StringComparison.OrdinalIgnoreCase)
        || text.Contains("pin", StringComparison.OrdinalIgnoreCase) || text.Contains("otp", StringComparison.OrdinalIgnoreCase)
        || text.Contains("code", StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<char> DigitsAndHyphen = System.Buffers.SearchValues.Create("0123456789-");

    /// <summary>
    /// A whole message that is one word mixing cases, digits and symbols (like "Tr0ub4dor&amp;3") is most likely a
    /// password typed into the wrong box. User IDs (smithj_1234) and email addresses are not.
    /// </summary>
    private static bool LoneSecret(string text)
    {
        var word = text.Trim();
        if (word.Length < 8 || word.Any(char.IsWhiteSpace) || word.Contains('@') || UserId().IsMatch(word)) return false;
        var kinds = (word.Any(char.IsUpper) ? 1 : 0) + (word.Any(char.IsLower) ? 1 : 0) + (word.Any(char.IsDigit) ? 1 : 0)
                    + (word.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return kinds >= 3;
    }

    /// <summary>
    /// "password is X", "my pw: X", "passcode = X", "OTP code 123456", "PIN 1234", "my code is 4821": the label
    /// stays, X goes. Between label and value either a word of saying ("is", ":", "=") with any spaces around it,
    /// or spaces alone (or none: "pw123").
    /// </summary>
    [GeneratedRegex(@"\b(?<label>(?:pass\s?word|passwd|pwd|pw|pass\s?code|pin|otp(?:\s+code)?|one[- ]time\s+(?:pass\s?word|code)|(?:security|verification|activation)\s+code|my\s+(?:(?:access|login|sign[- ]?in|sms|text|email|mfa|2fa)\s+)?code)s?(?:\s*(?<said>\bis\b|\bwas\b|=|:)\s*|\s*))(?<value>[^\s,;]+)",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex LabelledSecret();

    /// <summary>Words that follow "password is" when someone describes the problem rather than the password.</summary>
    private static readonly HashSet<string> Describing = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "wrong", "incorrect", "invalid", "correct", "right", "expired", "expiring", "locked",
        "reset", "blocked", "still", "too", "being", "required", "case", "the", "a", "an", "my", "it", "that", "and",
        "but", "or", "for", "to", "in", "on", "of", "at", "rejected", "forgotten", "lost", "empty", "missing", "fine",
        "ok", "okay", "working", "accepted", "gone", "unknown", "changed", "same", "different", "also", "again",
    };

    /// <summary>
    /// After "is", ":" or "=" anything but a describing word is the secret; after a bare label ("pin 1234") only a
    /// value with a digit or a symbol is, so "password reset" and "passcode email" stay readable.
    /// </summary>
    private static string MaskLabelled(Match match)
    {
        var value = match.Groups["value"].Value.Trim('"', '\'', '\u201c', '\u201d', '\u2018', '\u2019', '.', '!', '?', ')');
        var said = match.Groups["said"].Success;
        var codeLike = value.Any(c => char.IsDigit(c) || (!char.IsLetter(c) && c != '-'));
        if (value.Length == 0 || value == Mask || Describing.Contains(value) || (!said && !codeLike)) return match.Value;
        return match.Groups["label"].Value + Mask;
    }

    /// <summary>
    /// Passcodes and card numbers written in groups, whatever separates them (1234 5678 9012 3456,
    /// 4111.1111.1111.1111, 3782-822463-10005, 4111 / 1111 / 1111 / 1111), and the system passwords abcd-efgh-ijkl-mnop.
    /// The groups are masked only when they hold 13 digits or more in all (<see cref="MaskGroupedCode"/>), so a
    /// phone number or a date stays.
    /// </summary>
    [GeneratedRegex(@"(?<before>-)?\b\d{4}(?:\s?[-./_ ]\s?\d{3,6}){2,4}\b(?<after>-)?|\b[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\b",
        RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex GroupedCode();

    private static string MaskGroupedCode(Match match)
    {
        var value = match.Value;
        if (value.Any(char.IsAsciiLetter)) return Mask;
        var digits = value.Count(char.IsAsciiDigit);
        return digits >= 13 && !NextToHyphen(match) ? Mask : value;
    }

    /// <summary>Card numbers and passcodes written without spaces: 13 to 19 digits.</summary>
    [GeneratedRegex(@"(?<before>-)?\b\d{13,19}\b(?<after>-)?", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex LongNumber();

    /// <summary>One-time codes: 6 to 8 digits standing alone (error codes such as 2035 or 5103 have four).</summary>
    [GeneratedRegex(@"(?<before>-)?\b\d{6,8}\b(?<after>-)?", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex ShortCode();

    /// <summary>Digits joined to a word by a hyphen are part of a reference (SO-1234567), not a code.</summary>
    private static string MaskStandingAlone(Match match) => NextToHyphen(match) ? match.Value : Mask;

    /// <summary>The patterns take a hyphen on either side into the match (no lookarounds) for this to see.</summary>
    private static bool NextToHyphen(Match match) => match.Groups["before"].Success || match.Groups["after"].Success;

    [GeneratedRegex(@"^[a-z][a-z0-9'-]*_\d{4}$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex UserId();
}
