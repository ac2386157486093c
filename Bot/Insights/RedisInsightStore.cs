using System.Text.Json;
using StackExchange.Redis;

namespace MagLearn.Bot.Insights;

/// <summary>
/// Insight events in the same Redis as conversation state: a sorted set per day, scored by time, each day's key
/// expiring after the retention (every key the bot writes has a lifetime).
/// </summary>
public sealed class RedisInsightStore : IInsightStore
{
    public const string KeyPrefix = "maglearn:insights:";

    /// <summary>Without a retention, a day's events are kept this long.</summary>
    private static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(180);

    private readonly IConnectionMultiplexer redis;
    private readonly TimeSpan retention;
    private readonly TimeProvider clock;

    public RedisInsightStore(IConnectionMultiplexer redis, TimeSpan retention = default, TimeProvider? clock = null)
    {
        this.redis = redis;
        this.clock = clock ?? TimeProvider.System;
        this.retention = retention > TimeSpan.Zero ? retention : DefaultRetention;
    }

    private static RedisKey DayKey(DateTimeOffset time) => KeyPrefix + time.UtcDateTime.ToString("yyyy-MM-dd");

    public async Task AddAsync(IReadOnlyList<InsightEvent> events, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var writes = new List<Task>();
        var now = clock.GetUtcNow();
        foreach (var day in events.GroupBy(e => DayKey(e.Time)))
        {
            // A day past the retention is not written at all: its key would expire the moment it was made.
            var expiresIn = day.Max(e => e.Time).UtcDateTime.Date.AddDays(1) + retention - now.UtcDateTime;
            if (expiresIn <= TimeSpan.Zero) continue;
            // A unique member per event, so two identical events in one millisecond are both kept.
            writes.Add(db.SortedSetAddAsync(day.Key, day.Select(e => new SortedSetEntry(
                $"{Guid.NewGuid():N}|{JsonSerializer.Serialize(e, InsightJson.Options)}", e.Time.ToUnixTimeMilliseconds())).ToArray()));
            writes.Add(db.KeyExpireAsync(day.Key, expiresIn));
        }
        await Task.WhenAll(writes).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InsightEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var events = new List<InsightEvent>();
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var members = await db.SortedSetRangeByScoreAsync(DayKey(day), from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), Exclude.Stop)
                .WaitAsync(cancellationToken);
            foreach (var member in members)
            {
                var text = (string)member!;
                if (InsightJson.Read(text[(text.IndexOf('|') + 1)..]) is { } e) events.Add(e);
            }
        }
        return events.OrderBy(e => e.Time).ToList();
    }
}
