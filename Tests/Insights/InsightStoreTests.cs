using MagLearn.Bot.Insights;
using MagLearn.Tests.Storage;
using StackExchange.Redis;

namespace MagLearn.Tests.Insights;

public sealed class MemoryInsightStoreTests : InsightStoreConformance
{
    protected override IInsightStore Store { get; } = new MemoryInsightStore();
}

public sealed class SqliteInsightStoreTests : InsightStoreConformance, IDisposable
{
    private readonly TempSqliteFile file = new();
    private readonly ManualClock clock = new(Monday);
    private readonly SqliteInsightStore store;

    public SqliteInsightStoreTests() => store = new SqliteInsightStore(file.Path, TimeSpan.FromDays(30), clock);

    protected override IInsightStore Store => store;

    [Fact]
    public async Task Events_survive_a_restart_of_the_host()
    {
        await store.AddAsync([Turn(Monday, "kept across restarts")]);

        using var reopened = new SqliteInsightStore(file.Path, TimeSpan.FromDays(30), clock);
        Assert.Equal("kept across restarts", Assert.Single(await reopened.ReadAsync(Monday, Monday.AddDays(1))).Question);
    }

    [Fact]
    public async Task Events_older_than_the_retention_are_swept_and_newer_ones_stay()
    {
        await store.AddAsync([Turn(Monday, "old"), Turn(Monday.AddDays(20), "new")]);
        clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(1, await store.SweepExpiredAsync());
        Assert.Equal("new", Assert.Single(await store.ReadAsync(Monday.AddYears(-1), Monday.AddYears(1))).Question);
    }

    public void Dispose()
    {
        store.Dispose();
        file.Dispose();
    }
}

[Collection(RedisCollection.Name)]
public sealed class RedisInsightStoreTests(RedisServer server) : InsightStoreConformance, IDisposable
{
    private readonly ConnectionMultiplexer redis = server.Connect();

    private readonly ManualClock clock = new(Monday);

    protected override IInsightStore Store => new RedisInsightStore(redis, TimeSpan.FromDays(30), clock);

    [Fact]
    public async Task Every_key_it_writes_expires_after_the_retention()
    {
        await Store.AddAsync([Turn(Monday, "a"), Turn(Monday.AddDays(-1), "b")]);

        var server = redis.GetServers()[0];
        var keys = server.Keys(redis.GetDatabase().Database, RedisInsightStore.KeyPrefix + "*").ToList();
        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromDays(29), TimeSpan.FromDays(31));
        }
    }

    [Fact]
    public async Task A_day_already_past_the_retention_is_not_written()
    {
        await Store.AddAsync([Turn(Monday.AddDays(-40), "too old"), Turn(Monday, "kept")]);

        Assert.Equal("kept", Assert.Single(await Store.ReadAsync(Monday.AddDays(-50), Monday.AddDays(1))).Question);
    }

    public void Dispose() => redis.Dispose();
}

public sealed class MemoryInsightStoreCapacityTests
{
    [Fact]
    public async Task Past_its_capacity_the_oldest_events_make_room_for_the_newest()
    {
        var store = new MemoryInsightStore(capacity: 3);
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var q in new[] { "a", "b", "c", "d", "e" })
            await store.AddAsync([new InsightEvent { Time = at, Kind = InsightKind.Turn, Conversation = "c", Question = q }]);

        Assert.Equal(["c", "d", "e"], (await store.ReadAsync(at, at.AddDays(1))).Select(e => e.Question));
    }
}
