namespace MagLearn.Knowledge.Answers;

/// <summary>
/// Recognises messages that are only conversation ("hi", "thanks a lot!", "help", "bye"). A greeting followed by
/// a question ("hi, I forgot my password") is a question: only messages made wholly of these words count.
/// </summary>
public static class SmallTalkDetector
{
    private static readonly (SmallTalk Kind, string[] Phrases)[] Phrasebook =
    [
        (SmallTalk.Help, ["help", "help me", "menu", "options", "what can you do", "what do you do", "how does this work", "what can i ask", "what can i ask you", "start", "get started"]),
        (SmallTalk.Thanks, ["thanks", "thank you", "thank you so much", "thanks a lot", "thanks so much", "thx", "ty", "cheers", "great thanks", "ok thanks", "perfect thanks", "that helped", "that helps", "awesome", "great", "perfect"]),
        (SmallTalk.Goodbye, ["bye", "goodbye", "bye bye", "see you", "see ya", "thats all", "that is all", "done", "im done"]),
        (SmallTalk.Greeting, ["hi", "hello", "hey", "hiya", "howdy", "good morning", "good afternoon", "good evening", "hi there", "hello there", "hey there", "yo", "greetings"]),
    ];

    private static readonly string[] Fillers = ["bot", "maglearn", "please", "pls", "ok", "okay", "so", "very", "much", "again", "there"];

    public static SmallTalk Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60) return SmallTalk.None;
        var words = Normalize(text);
        if (words.Length == 0) return SmallTalk.None;
        var sentence = string.Join(' ', words);
        foreach (var (kind, phrases) in Phrasebook)
        {
            if (phrases.Contains(sentence)) return kind;
            var trimmed = string.Join(' ', words.Where(w => !Fillers.Contains(w)));
            if (trimmed.Length > 0 && phrases.Contains(trimmed)) return kind;
        }
        return SmallTalk.None;
    }

    private static string[] Normalize(string text)
    {
        var letters = text.ToLowerInvariant()
            .Replace("'", "").Replace("\u2019", "")
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ')
            .ToArray();
        return new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
