namespace MagLearn.Bot.Insights;

/// <summary>What the support team's insights keep (section "Insights").</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>Off keeps no events (the /admin page then shows none).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an event is kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);
}
