namespace MagLearn.Bot.Cases;

/// <summary>How long recorded cases are kept (section "Cases").</summary>
public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>A case is deleted this long after it was recorded; zero keeps cases for good, except on Redis (180 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);
}
