namespace MagLearn.Knowledge.Search;

/// <summary>
/// The choices that make search fit MAG questions. <see cref="Baseline"/> turns them all off (Lucene's plain
/// StandardAnalyzer, no synonyms or stemming, every field equal, no typo correction) so the
/// evaluation can show what the tuning is worth on the same content.
/// A phrase bonus for neighbouring question words was tried and dropped: it changed no answer on the question
/// sample and cost half the search time at 100k passages.
/// </summary>
public sealed record SearchTuning(bool LearnAnalysis, bool FieldBoosts, bool TypoCorrection)
{
    public static SearchTuning Tuned { get; } = new(true, true, true);
    public static SearchTuning Baseline { get; } = new(false, false, false);
}
