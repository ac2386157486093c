using System.Text.RegularExpressions;
using MagLearn.Bot.Flows.Definition;

namespace MagLearn.Bot.Flows.Prompts;

/// <summary>
/// Finds which choice a person meant: the button's own text, a number ("2"), an ordinal ("the second one"), or
/// their own words ("forgot my password"), matched by the share of a choice's meaningful words they used.
/// </summary>
public static partial class ChoiceMatcher
{
    /// <summary>How much word overlap counts as meaning a choice while answering its question.</summary>
    public const double AnswerThreshold = 0.5;

    /// <summary>Stricter, for reading the opening question's answer out of the message that started the flow.</summary>
    public const double TriggerThreshold = 0.6;

    /// <summary>The best choice must beat the runner-up by this much, or the answer is ambiguous.</summary>
    private const double Margin = 0.1;

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    private static readonly HashSet<string> OrdinalFillers = new(StringComparer.Ordinal) { "the", "one", "option", "choice", "answer", "please", "number", "its", "it", "is" };

    /// <summary>The index of the choice meant, or null.</summary>
    public static int? Match(string? text, IReadOnlyList<FlowChoice> choices) =>
        Exact(text, choices) ?? Numbered(text, choices.Count) ?? ByWords(text, choices, AnswerThreshold);

    /// <summary>Only a choice's own text (or one of its listed alternatives), as a button sends it.</summary>
    public static int? Exact(string? text, IReadOnlyList<FlowChoice> choices)
    {
        var sentence = Words.Sentence(text);
        if (sentence.Length == 0) return null;
        for (var i = 0; i < choices.Count; i++)
        {
            if (Words.Sentence(choices[i].Title) == sentence || choices[i].Also.Any(a => Words.Sentence(a) == sentence)) return i;
        }
        return null;
    }

    /// <summary>"2", "#2", "option 2", "2nd", "the second one", "the last one".</summary>
    public static int? Numbered(string? text, int count)
    {
        var words = Words.Of(text).Where(w => !OrdinalFillers.Contains(w)).ToList();
        if (words.Count != 1) return null;
        var word = words[0];
        int? position = null;
        if (Number().Match(word) is { Success: true } number) position = int.Parse(number.Groups[1].Value);
        else if (Array.IndexOf(Ordinals, word) is var at and >= 0) position = at + 1;
        else if (word == "last") position = count;
        return position is >= 1 && position <= count ? position - 1 : null;
    }

    /// <summary>The choice whose words the text covers best, if clearly best and above <paramref name="threshold"/>.</summary>
    public static int? ByWords(string? text, IReadOnlyList<FlowChoice> choices, double threshold)
    {
        var typed = Words.Meaningful(text);
        if (typed.Count == 0) return null;
        var scores = choices.Select(c => new[] { c.Title }.Concat(c.Also).Max(p => Overlap(typed, Words.Meaningful(p)))).ToList();
        var best = scores.Max();
        if (best < threshold) return null;
        var index = scores.IndexOf(best);
        var runnerUp = scores.Where((_, i) => i != index).DefaultIfEmpty(0).Max();
        return best - runnerUp >= Margin ? index : null;
    }

    /// <summary>Mostly recall (did they use the choice's words?), a little precision (and not much else?).</summary>
    private static double Overlap(HashSet<string> typed, HashSet<string> choice)
    {
        if (choice.Count == 0) return 0;
        var shared = typed.Count(choice.Contains);
        if (shared == 0) return 0;
        return 0.7 * shared / choice.Count + 0.3 * shared / typed.Count;
    }

    [GeneratedRegex(@"^(\d{1,2})(st|nd|rd|th)?$")]
    private static partial Regex Number();
}
