namespace MagLearn.Bot.Telemetry;

/// <summary>What the host exports about itself (section "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Serve the per-turn metrics for Prometheus on <see cref="MetricsPath"/>. Off by default: the figures say how
    /// the bot is used, so a deployment turns them on where only its monitoring can reach that path.
    /// </summary>
    public bool Metrics { get; set; }

    public string MetricsPath { get; set; } = "/metrics";
}
