using Microsoft.Bot.Builder;
using StackExchange.Redis;

namespace MagLearn.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> on Redis, for several bot instances sharing every conversation. Each item is a hash
/// (<c>json</c>, and <c>etag</c> for a store item) under <see cref="KeyPrefix"/>. A write is one Lua script, which
/// Redis runs without interleaving anything else: it checks every ETag first and only then writes, so a batch is
/// all or nothing. Every write sets the idle expiry again, so a conversation lives that long after its last turn.
/// </summary>
/// <remarks>A batch touches several keys in one script, so Redis Cluster would need them in one hash slot; a
/// single primary (with replicas) is what this is for.</remarks>
public sealed class RedisStorage : IStorage
{
    public const string KeyPrefix = "maglearn:state:";

    /// <summary>ARGV[1] is the expiry in milliseconds (0 for none); then four per key: mode, expected ETag, new ETag, JSON.
    /// Modes: c = store item whose ETag must match, w = store item written whatever is there, p = plain object, d = remove.</summary>
    private const string WriteScript = """
        local ttl = tonumber(ARGV[1])
        for i = 1, #KEYS do
          local a = 2 + (i - 1) * 4
          if ARGV[a] == 'c' then
            local current = redis.call('HGET', KEYS[i], 'etag')
            if current and current ~= ARGV[a + 1] then
              return {i, current}
            end
          end
        end
        for i = 1, #KEYS do
          local a = 2 + (i - 1) * 4
          local mode = ARGV[a]
          redis.call('DEL', KEYS[i])
          if mode == 'p' then
            redis.call('HSET', KEYS[i], 'json', ARGV[a + 3])
          elseif mode ~= 'd' then
            redis.call('HSET', KEYS[i], 'json', ARGV[a + 3], 'etag', ARGV[a + 2])
          end
          if mode ~= 'd' and ttl > 0 then
            redis.call('PEXPIRE', KEYS[i], ttl)
          end
        end
        return 0
        """;

    private static readonly RedisValue[] Fields = ["json", "etag"];

    private readonly IConnectionMultiplexer redis;
    private readonly TimeSpan idleExpiry;

    public RedisStorage(IConnectionMultiplexer redis, TimeSpan idleExpiry = default)
    {
        this.redis = redis;
        this.idleExpiry = idleExpiry;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var db = redis.GetDatabase();
        var distinct = keys.Distinct().ToArray();
        // Sent together: the multiplexer pipelines them on one connection.
        var reads = distinct.Select(k => db.HashGetAsync(Key(k), Fields)).ToArray();
        await Task.WhenAll(reads).WaitAsync(cancellationToken);
        var items = new Dictionary<string, object>(distinct.Length);
        for (var i = 0; i < distinct.Length; i++)
        {
            var (json, etag) = (reads[i].Result[0], reads[i].Result[1]);
            if (json.HasValue) items[distinct[i]] = StoredJson.Read(json!, etag.HasValue ? (string?)etag : null);
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        var writes = changes.Select(c => StoreWrite.Of(c.Key, c.Value)).ToList();
        var args = new List<RedisValue>(1 + writes.Count * 4) { (long)idleExpiry.TotalMilliseconds };
        foreach (var write in writes)
        {
            var mode = write switch
            {
                { Json: null } => "d",
                { NewETag: null } => "p",
                { MustMatch: true } => "c",
                _ => "w",
            };
            args.AddRange([mode, write.ExpectedETag ?? "", write.NewETag ?? "", write.Json ?? ""]);
        }
        var result = await redis.GetDatabase()
            .ScriptEvaluateAsync(WriteScript, writes.Select(w => Key(w.Key)).ToArray(), args.ToArray())
            .WaitAsync(cancellationToken);
        if (result.Resp2Type == ResultType.Array)
        {
            var conflict = (RedisResult[])result!;
            var write = writes[(int)conflict[0] - 1];
            throw new ETagConflictException(write.Key, write.ExpectedETag, (string?)conflict[1]);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0) return;
        await redis.GetDatabase().KeyDeleteAsync(keys.Select(Key).ToArray()).WaitAsync(cancellationToken);
    }

    private static RedisKey Key(string key) => KeyPrefix + key;
}
