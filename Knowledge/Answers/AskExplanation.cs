using MagLearn.Knowledge.Routing;

namespace MagLearn.Knowledge.Answers;

/// <summary>
/// What a decision was made from, for the people who tune the content: both sides of each passage's score, the
/// words that matched and the words the synonym rules added, the nearest trigger and phrasing, every route's
/// probability, and which index and model gave them.
/// </summary>
public sealed record AskExplanation(
    string IndexVersion,
    string? Model,
    string Evidence,
    double Temperature,
    double CloseMargin,
    string Fusion,
    double WordsWeight,
    IReadOnlyList<RouteChance> Routes,
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Synonyms,
    IReadOnlyDictionary<string, string> Corrections,
    IReadOnlyList<AskExplanation.PassageScore> Passages,
    IReadOnlyList<AskExplanation.NearSentence> NearestTriggers,
    AskExplanation.NearSentence? NearestPhrasing,
    IReadOnlyList<AskExplanation.NearSentence> LexicalFlows)
{
    public sealed record PassageScore(string Page, string Section, double Lexical, double Dense, double Score, IReadOnlyList<string> MatchedWords);

    /// <summary>A trigger or phrasing (of the flow or page <see cref="Owner"/>) and how near the message it is.</summary>
    public sealed record NearSentence(string Owner, string Text, double Score);
}
