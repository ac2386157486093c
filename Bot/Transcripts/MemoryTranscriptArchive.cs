using System.Collections.Concurrent;

namespace MagLearn.Bot.Transcripts;

/// <summary>Transcripts in process memory, beside MemoryStorage: gone when the bot stops, which is its retention.</summary>
public sealed class MemoryTranscriptArchive : ITranscriptArchive
{
    private readonly ConcurrentDictionary<string, List<TranscriptEntry>> conversations = new(StringComparer.Ordinal);

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (var entry in entries)
        {
            var kept = conversations.GetOrAdd(entry.ConversationId, _ => []);
            lock (kept) kept.Add(entry);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (!conversations.TryGetValue(conversationId, out var entries)) return Task.FromResult<IReadOnlyList<TranscriptEntry>>([]);
        lock (entries) return Task.FromResult<IReadOnlyList<TranscriptEntry>>(entries.OrderBy(e => e.Timestamp).ToList());
    }
}
