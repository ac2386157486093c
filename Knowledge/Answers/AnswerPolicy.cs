namespace MagLearn.Knowledge.Answers;

/// <summary>
/// The thresholds that turn a confidence into a reply. Above <see cref="AnswerThreshold"/> the best passage is
/// given; between the two thresholds, or when rival pages score within <see cref="CloseMargin"/> of the best, the
/// user picks from up to <see cref="MaxChoices"/>; below <see cref="FallbackThreshold"/> the bot says it does not
/// know.
/// </summary>
public sealed class AnswerPolicy
{
    public double AnswerThreshold { get; set; } = 0.55;
    public double FallbackThreshold { get; set; } = 0.38;
    public double CloseMargin { get; set; } = 0.04;
    public int MaxChoices { get; set; } = 3;

    /// <summary>A flow starts only when its trigger phrasings cover the message at least this well.</summary>
    public double FlowThreshold { get; set; } = 0.5;

    /// <summary>
    /// How far a flow may trail the best passage and still win when the message states a problem; a message that
    /// asks for information needs the flow to lead by <see cref="InformationMargin"/> instead.
    /// </summary>
    public double ProblemMargin { get; set; } = 0.15;

    public double InformationMargin { get; set; } = 0.1;

    public void Validate()
    {
        if (FallbackThreshold is < 0 or > 1 || AnswerThreshold is < 0 or > 1 || FallbackThreshold > AnswerThreshold)
            throw new ArgumentException("AnswerPolicy needs 0 <= FallbackThreshold <= AnswerThreshold <= 1");
        if (FlowThreshold is < 0 or > 1) throw new ArgumentException("AnswerPolicy.FlowThreshold must be in 0..1");
        if (MaxChoices is < 2 or > 5) throw new ArgumentException("AnswerPolicy.MaxChoices must be between 2 and 5");
    }

    /// <summary>Whether the best flow should take the message rather than the best passage.</summary>
    public bool PrefersFlow(double flowScore, IReadOnlyList<AskAnswer> ranked, bool asksForInformation)
    {
        if (flowScore < FlowThreshold) return false;
        var passage = ranked.Count == 0 ? 0 : ranked[0].Score;
        return asksForInformation
            ? flowScore >= passage + InformationMargin
            : flowScore >= passage - ProblemMargin;
    }

    /// <summary>Decides how a ranked list of passages (best first, scores in 0..1) is shown, or that none is.</summary>
    public (AskRoute Route, AnswerShape Shape) Decide(IReadOnlyList<AskAnswer> ranked)
    {
        if (ranked.Count == 0) return (AskRoute.Fallback, AnswerShape.Single);
        var best = ranked[0].Score;
        if (best < FallbackThreshold) return (AskRoute.Fallback, AnswerShape.Single);
        var rivals = ranked.Skip(1).Count(a => a.Page != ranked[0].Page && best - a.Score <= CloseMargin);
        if (best < AnswerThreshold || rivals > 0) return (AskRoute.Answer, AnswerShape.Choices);
        return (AskRoute.Answer, AnswerShape.Single);
    }
}
