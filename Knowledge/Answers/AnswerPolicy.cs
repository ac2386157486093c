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

    /// <summary>
    /// A flow starts when one of its trigger phrasings is this fully present in the message (see FlowMatcher).
    /// </summary>
    public double FlowThreshold { get; set; } = 0.62;

    public void Validate()
    {
        if (FallbackThreshold is < 0 or > 1 || AnswerThreshold is < 0 or > 1 || FallbackThreshold > AnswerThreshold)
            throw new ArgumentException("AnswerPolicy needs 0 <= FallbackThreshold <= AnswerThreshold <= 1");
        if (FlowThreshold is < 0 or > 1) throw new ArgumentException("AnswerPolicy.FlowThreshold must be in 0..1");
        if (MaxChoices is < 2 or > 5) throw new ArgumentException("AnswerPolicy.MaxChoices must be between 2 and 5");
    }

    /// <summary>
    /// Whether the best flow should take the message. A message that states a problem goes to the flow that
    /// fits it; one that asks for information ("how long does approval take?") gets the passage, and goes to a
    /// flow only when no passage answers it.
    /// </summary>
    public bool PrefersFlow(double flowScore, double bestPassageScore, bool asksForInformation)
    {
        if (flowScore < FlowThreshold) return false;
        return !asksForInformation || bestPassageScore < FallbackThreshold;
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
