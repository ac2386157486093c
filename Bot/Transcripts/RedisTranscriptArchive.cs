using System.Text.Json;
using StackExchange.Redis;

namespace MagLearn.Bot.Transcripts;

/// <summary>
/// Transcripts in the same Redis as conversation state: a list per conversation, appended to by whichever instance
/// ran the turn. The list expires <see cref="TranscriptOptions.Retention"/> after its last activity: appending and
/// setting the expiry are one transaction, so no list is left without one, whatever happens between them.
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
        var transaction = redis.GetDatabase().CreateTransaction();
        foreach (var conversation in entries.GroupBy(e => e.ConversationId))
        {
            var key = (RedisKey)(KeyPrefix + conversation.Key);
            _ = transaction.ListRightPushAsync(key, conversation.Select(e => (RedisValue)JsonSerializer.Serialize(e)).ToArray());
            if (retention > TimeSpan.Zero) _ = transaction.KeyExpireAsync(key, retention);
        }
        await transaction.ExecuteAsync().WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var values = await redis.GetDatabase().ListRangeAsync(KeyPrefix + conversationId).WaitAsync(cancellationToken);
        // Two instances append a turn each; the list has them in arrival order, the timestamps in the order they happened.
        return values.Select(v => JsonSerializer.Deserialize<TranscriptEntry>((string)v!)!).OrderBy(e => e.Timestamp).ToList();
    }
}
