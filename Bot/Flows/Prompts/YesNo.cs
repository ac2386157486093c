namespace MagLearn.Bot.Flows.Prompts;

/// <summary>Reads yes or no the many ways people type them ("yep", "sure", "not really", "no, I left").</summary>
public static class YesNo
{
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "correct", "right", "ok", "okay", "affirmative",
        "absolutely", "definitely", "indeed", "certainly", "true", "of course", "i do", "i have", "i can", "it is",
        "it did", "it does", "that is right", "thats right", "thats correct", "yes please", "i think so", "solved",
        "it worked", "that worked", "worked", "fixed", "sorted", "all good", "that did it", "that helped", "it helped",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "negative", "not really", "not yet", "never", "false", "i dont", "i do not",
        "i havent", "i have not", "i cant", "i cannot", "it isnt", "it is not", "it didnt", "it did not",
        "it doesnt", "didnt", "did not", "doesnt", "not at all", "no it didnt", "still stuck", "still not working",
        "it didnt work", "that didnt work", "didnt work", "didnt help", "it didnt help", "not solved", "no luck",
    };

    /// <summary>Not an answer either way: treated as a request for help with the question.</summary>
    private static readonly HashSet<string> Unsure = new(StringComparer.Ordinal)
    {
        "not sure", "im not sure", "dont know", "i dont know", "no idea", "unsure", "dunno", "maybe", "idk",
    };

    /// <summary>True for yes, false for no, null when the text is neither (or unsure).</summary>
    public static bool? Read(string? text)
    {
        var words = Words.Of(text);
        if (words.Length == 0) return null;
        var sentence = string.Join(' ', words);
        if (Unsure.Contains(sentence) || Unsure.Contains(string.Join(' ', words.Take(3))) || Unsure.Contains(string.Join(' ', words.Take(2)))) return null;
        if (YesWords.Contains(sentence)) return true;
        if (NoWords.Contains(sentence)) return false;
        // "yes I still have it", "no, I left the company": the first word decides.
        return words[0] switch
        {
            "yes" or "yeah" or "yep" or "yup" or "sure" or "correct" or "y" => true,
            "no" or "nope" or "nah" or "n" => false,
            _ => FirstTwo(words),
        };
    }

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "no", "not", "dont", "cant", "cannot", "never", "didnt", "havent", "isnt", "doesnt", "wont" };

    /// <summary>"I can, thanks", "it didn't, the link was dead": two opening words decide, unless a negation follows.</summary>
    private static bool? FirstTwo(string[] words)
    {
        if (words.Length < 2) return null;
        var two = words[0] + " " + words[1];
        if (NoWords.Contains(two)) return false;
        if (YesWords.Contains(two) && two != "i have" && !words.Skip(2).Any(Negations.Contains)) return true;
        return null;
    }
}
