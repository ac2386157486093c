namespace MagLearn.Bot.Transcripts;

/// <summary>
/// Where transcripts are kept: appended to as activities happen, read back whole by conversation id. Holds only
/// what <see cref="ActivityRedactor"/> has already redacted.
/// </summary>
public interface ITranscriptArchive
{
    /// <summary>Adds a turn's activities together (one write to the store), in the order given.</summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The conversation's activities in the order they happened; empty when there are none.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>One activity of a conversation, as redacted JSON.</summary>
public sealed record TranscriptEntry(string ConversationId, string ChannelId, DateTimeOffset Timestamp, string Activity);
