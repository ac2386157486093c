using System.Text.RegularExpressions;
using MagLearn.Bot.Flows.Prompts;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>What a person can say at any step of any flow, instead of answering.</summary>
public enum Interruption { None, Cancel, Restart, Help, Person }

/// <summary>
/// Recognises the interruptions. Commands count only when they are the whole message (give or take "please",
/// "ok", "can we"), so "I want to cancel my token subscription" is an answer, not a cancel. Asking for a person
/// is recognised inside a short sentence too ("no, I want to talk to a human").
/// </summary>
public static partial class Interruptions
{
    private static readonly HashSet<string> Cancel = new(StringComparer.Ordinal)
    {
        "cancel", "stop", "never mind", "nevermind", "nvm", "quit", "exit", "forget it", "abort", "bye", "goodbye",
        "cancel that", "cancel this", "stop this", "stop it", "i give up", "leave it", "no stop", "end this", "enough",
    };

    private static readonly HashSet<string> Restart = new(StringComparer.Ordinal)
    {
        "start over", "restart", "start again", "begin again", "from the top", "from the beginning", "go back to the start",
        "back to the start", "start from the beginning", "start over again", "lets start over", "take it from the top",
    };

    private static readonly HashSet<string> Help = new(StringComparer.Ordinal)
    {
        "help", "what do you mean", "what does that mean", "what does this mean", "i dont understand", "dont understand",
        "explain", "explain that", "explain this", "why do you ask", "why are you asking", "huh", "what", "im confused",
        "confused", "help with this question", "i dont know what you mean", "more info", "more information",
        "not sure", "im not sure", "i dont know", "dont know", "no idea", "idk", "what should i pick", "which one",
    };

    private static readonly HashSet<string> PersonAlone = new(StringComparer.Ordinal)
    {
        "agent", "human", "person", "operator", "representative", "rep", "live agent", "real person", "a person",
        "a human", "an agent", "customer service", "customer support", "contact support", "call support", "support",
        "live person", "live chat", "human please", "someone", "somebody", "helpdesk", "help desk",
    };

    private static readonly string[] Fillers = ["please", "pls", "ok", "okay", "can", "we", "could", "you", "just", "lets", "let", "us", "actually", "i", "want", "to", "would", "like", "id", "oh", "um", "hmm", "well"];

    public static Interruption Detect(string? text)
    {
        var words = Words.Of(text);
        if (words.Length == 0 || words.Length > 16) return Interruption.None;
        var sentence = string.Join(' ', words);
        var trimmed = string.Join(' ', words.Where(w => !Fillers.Contains(w)));
        if (IsPersonRequest(sentence, trimmed)) return Interruption.Person;
        foreach (var (kind, phrases) in new[] { (Interruption.Cancel, Cancel), (Interruption.Restart, Restart), (Interruption.Help, Help) })
        {
            if (phrases.Contains(sentence) || phrases.Contains(trimmed)) return kind;
        }
        return Interruption.None;
    }

    /// <summary>True when the message asks for a human, in a flow or out of one.</summary>
    public static bool IsPersonRequest(string? text)
    {
        var words = Words.Of(text);
        if (words.Length == 0 || words.Length > 16) return false;
        return IsPersonRequest(string.Join(' ', words), string.Join(' ', words.Where(w => !Fillers.Contains(w))));
    }

    private static bool IsPersonRequest(string sentence, string trimmed) =>
        PersonAlone.Contains(sentence) || PersonAlone.Contains(trimmed) || PersonPhrase().IsMatch(sentence);

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "how", "what", "whats", "why", "when", "where", "who", "whom", "which", "can", "could", "do", "does", "did",
        "is", "are", "should", "will", "would", "may", "i", "we", "my", "our", "tell", "explain",
    };

    /// <summary>
    /// Whether a message that did not answer the question is worth asking the router about: a question or a
    /// sentence, not a stray word. "jones" typed for a user ID is a wrong answer, not a question about something else.
    /// </summary>
    public static bool LooksLikeAQuestion(string? text)
    {
        var words = Words.Of(text);
        if (words.Length >= 5) return true;
        return words.Length >= 3 && (text!.TrimEnd().EndsWith('?') || QuestionWords.Contains(words[0]));
    }

    [GeneratedRegex(@"\b(talk|speak|chat|connect me|put me through|transfer me|get me|reach|escalate|help from|hand me over)( to| with)? (a |an |the |some |someone from |somebody from )?(real |live |actual |human )?(person|human|agent|someone|somebody|representative|rep|operator|people|support agent|support team|customer support|customer service|helpdesk|help desk|exostar support)\b")]
    private static partial Regex PersonPhrase();
}
