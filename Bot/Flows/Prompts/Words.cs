using System.Text;

namespace MagLearn.Bot.Flows.Prompts;

/// <summary>
/// The few text habits every prompt shares: lower case, no punctuation, contractions joined ("can't" is "cant"),
/// and, for comparing meaning, the small words dropped and plurals and -ed endings folded so that "locked" meets
/// "lock" and "questions" meets "question".
/// </summary>
public static class Words
{
    private static readonly HashSet<string> Small = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "i", "im", "ive", "me", "my", "mine", "we", "our", "us", "you", "your", "it", "its", "is", "am",
        "are", "was", "were", "be", "been", "to", "of", "in", "on", "at", "for", "with", "by", "from", "and", "or",
        "do", "does", "did", "have", "has", "had", "this", "that", "these", "those", "so", "just", "please", "pls",
        "one", "option", "about", "some", "any", "get", "got", "want", "need", "would", "like", "ill", "can",
    };

    /// <summary>Lower-case words with punctuation removed; apostrophes vanish so "don't" is one word.</summary>
    public static string[] Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '\'' or '\u2019') continue;
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string Sentence(string? text) => string.Join(' ', Of(text));

    /// <summary>The words that carry meaning, folded, for overlap between what was typed and a choice.</summary>
    public static HashSet<string> Meaningful(string? text) =>
        Of(text).Where(w => !Small.Contains(w)).Select(Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>A crude stemmer, enough for matching a few choice titles: "expired", "expires" and "expire" meet.</summary>
    private static string Fold(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies")) word = word[..^3] + "y";
        else if (word.Length > 4 && word.EndsWith("ed")) word = word[..^2];
        else if (word.Length > 5 && word.EndsWith("ing")) word = word[..^3];
        else if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss")) word = word[..^1];
        return word.Length > 4 && word.EndsWith('e') ? word[..^1] : word;
    }
}
