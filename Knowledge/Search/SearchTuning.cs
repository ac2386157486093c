namespace MagLearn.Knowledge.Search;

/// <summary>
/// The choices that make search fit MAG questions. <see cref="Baseline"/> turns them all off (Lucene's plain
/// StandardAnalyzer, no synonyms or stemming, every field equal, no typo correction, no phrase bonus) so the
/// evaluation can show what the tuning is worth on the same content.
/// </summary>
public sealed record SearchTuning(bool LearnAnalysis, bool FieldBoosts, bool TypoCorrection, bool PhraseBonus)
{
    public static SearchTuning Tuned { get; } = new(true, true, true, true);
    public static SearchTuning Baseline { get; } = new(false, false, false, false);
}
