using System.Text.RegularExpressions;

namespace MagLearn.Bot.Insights;

/// <summary>A question as the insights count it, and as a line of a content file.</summary>
public static partial class QuestionText
{
    /// <summary>Lower case, one space between words, no trailing punctuation: "How do I pay?? " and "how do i pay" are one question.</summary>
    public static string Normalise(string? question) =>
        question is null ? "" : Spaces().Replace(new string(question.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c)).ToArray()).Trim().ToLowerInvariant(), " ")
            .TrimEnd('?', '!', '.', ' ');

    /// <summary>A normalised question as a YAML list item's value: bare where YAML reads it as the same text, quoted otherwise.</summary>
    public static string YamlItem(string question) =>
        NeedsQuotes(question) ? $"\"{question.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"" : question;

    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0]) || text.Contains(": ") || text.Contains(" #") || text.EndsWith(':')
        || text != text.Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
