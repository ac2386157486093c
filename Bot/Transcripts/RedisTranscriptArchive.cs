using System.Text.Json;
using StackExchange.Redis;

namespace MagLearn.Bot.Transcripts;

/// <summary>
/// Transcripts in the same Redis as conversation state: a list per conversation, appended to by whichever instance
/// ran the turn. The list expires <see cref="TranscriptOptions.Retention"/> after its last activity.
/// </summary>
public sealed class RedisTranscriptArchive : ITranscriptArchive
{
    public const string KeyPrefix = "maglearn:transcript:";

    private readonly IConnectionMultiplexer redis;
    private readonly TimeSpan retention;

    public RedisTranscriptArchive(IConnectionMultiplexer redis, TimeSpan retention = default)
    {
        this.redis = redis;
        this.retention = retention;
    }

    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var writes = new List<Task>();
        foreach (var conversation in entries.GroupBy(e => e.ConversationId))
        {
            var key = (RedisKey)(KeyPrefix + conversation.Key);
            writes.Add(db.ListRightPushAsync(key, conversation.Select(e => (RedisValue)JsonSerializer.Serialize(e)).ToArray()));
            if (retention > TimeSpan.Zero) writes.Add(db.KeyExpireAsync(key, retention));
        }
        await Task.WhenAll(writes).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var values = await redis.GetDatabase().ListRangeAsync(KeyPrefix + conversationId).WaitAsync(cancellationToken);
        // Two instances append a turn each; the list has them in arrival order, the timestamps in the order they happened.
        return values.Select(v => JsonSerializer.Deserialize<TranscriptEntry>((string)v!)!).OrderBy(e => e.Timestamp).ToList();
    }
}
