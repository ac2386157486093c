using StackExchange.Redis;

namespace MagLearn.Bot.Cases;

/// <summary>
/// Cases in the same Redis as conversation state: one hash per reference (the case, and when it was forwarded), and a
/// sorted set per day of the references recorded that day, for listing. Every key expires after the retention: Redis
/// runs noeviction, so a key without a lifetime would stay for good.
/// </summary>
public sealed class RedisCaseStore : ICaseStore
{
    public const string KeyPrefix = "maglearn:cases:";

    /// <summary>Without a retention, a case is kept this long.</summary>
    private static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(180);

    /// <summary>
    /// The add as one script, so two instances adding the same reference at once cannot both see it missing:
    /// HSETNX decides, and the loser reads what the winner wrote.
    /// </summary>
    private static readonly LuaScript AddOnce = LuaScript.Prepare("""
        if redis.call('HSETNX', @key, 'record', @record) == 1 then
          redis.call('PEXPIRE', @key, @ttl)
          redis.call('ZADD', @day, @at, @reference)
          redis.call('PEXPIRE', @day, @ttl)
          return {1}
        end
        return {0, redis.call('HGET', @key, 'record'), redis.call('HGET', @key, 'forwarded') or ''}
        """);

    /// <summary>Marks a case forwarded if it is there (HSET keeps the key's lifetime).</summary>
    private static readonly LuaScript Forward = LuaScript.Prepare("""
        if redis.call('EXISTS', @key) == 1 then redis.call('HSETNX', @key, 'forwarded', @at) end
        return 0
        """);

    private readonly IConnectionMultiplexer redis;
    private readonly TimeSpan retention;

    public RedisCaseStore(IConnectionMultiplexer redis, TimeSpan retention = default)
    {
        this.redis = redis;
        this.retention = retention > TimeSpan.Zero ? retention : DefaultRetention;
    }

    private static RedisKey CaseKey(string reference) => KeyPrefix + reference;

    private static RedisKey DayKey(DateTimeOffset time) => KeyPrefix + "day:" + time.UtcDateTime.ToString("yyyy-MM-dd");

    public async Task<CaseAdded> AddOnceAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(AddOnce, new
        {
            key = CaseKey(record.Reference),
            day = DayKey(record.Recorded),
            reference = record.Reference,
            record = CaseJson.Write(record),
            at = record.Recorded.ToUnixTimeMilliseconds(),
            ttl = (long)retention.TotalMilliseconds,
        }).WaitAsync(cancellationToken))!;
        if ((int)result[0] == 1) return new CaseAdded(record, true);
        return new CaseAdded(WithForwarded(CaseJson.Read((string)result[1]!), (string?)result[2]), false);
    }

    public async Task MarkForwardedAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().ScriptEvaluateAsync(Forward, new { key = CaseKey(reference), at = at.ToUnixTimeMilliseconds() })
            .WaitAsync(cancellationToken);

    public async Task<CaseRecord?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        var fields = await redis.GetDatabase().HashGetAsync(CaseKey(reference), ["record", "forwarded"]).WaitAsync(cancellationToken);
        return fields[0].IsNull ? null : WithForwarded(CaseJson.Read(fields[0]!), fields[1]);
    }

    public async Task<IReadOnlyList<CaseRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var cases = new List<CaseRecord>();
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var references = await db.SortedSetRangeByScoreAsync(DayKey(day), from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), Exclude.Stop)
                .WaitAsync(cancellationToken);
            foreach (var reference in references)
            {
                // A case whose key expired before its day's index did is simply gone.
                if (await FindAsync(reference!, cancellationToken) is { } found) cases.Add(found);
            }
        }
        return cases.OrderBy(c => c.Recorded).ThenBy(c => c.Reference, StringComparer.Ordinal).ToList();
    }

    private static CaseRecord WithForwarded(CaseRecord record, string? forwarded) =>
        long.TryParse(forwarded, out var ms) ? record with { Forwarded = DateTimeOffset.FromUnixTimeMilliseconds(ms) } : record;
}
