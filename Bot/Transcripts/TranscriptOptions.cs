namespace MagLearn.Bot.Transcripts;

/// <summary>Whether every conversation's activities are kept, and for how long (section "Transcripts").</summary>
public sealed class TranscriptOptions
{
    public const string Section = "Transcripts";

    public bool Enabled { get; set; } = true;

    /// <summary>How long a transcript is kept after its last activity. Zero keeps transcripts for good.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
