using MagLearn.Bot.Cases;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Tests.Storage;
using StackExchange.Redis;

namespace MagLearn.Tests.Cases;

/// <summary>
/// The case stores, memory, SQLite and a real Redis, held to one contract: a reference is recorded once, however
/// many adds race for it, from one instance or several; the first record wins and is what later adds get back;
/// forwarding is noted once; a period lists what was recorded in it.
/// </summary>
public abstract class CaseStoreConformance
{
    /// <summary>The store as another instance opens it (a new connection); the same store where there is only one.</summary>
    protected abstract ICaseStore Open();

    private static readonly DateTimeOffset Noon = new(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);

    protected static CaseRecord Case(string reference, DateTimeOffset at, string words = "I need a person") => new(reference, "webchat", "conv-1",
        new CaseSummary { Reference = reference, Flow = "support-handoff", FlowTitle = "Talk to a person", Reason = "Asked for a person", UserWords = words, Created = at }, at);

    [Fact]
    public async Task A_reference_is_recorded_once_and_the_first_record_is_what_a_second_add_gets_back()
    {
        var store = Open();

        var first = await store.AddOnceAsync(Case("MAG-AAAA-0001", Noon, "first"));
        var second = await store.AddOnceAsync(Case("MAG-AAAA-0001", Noon.AddMinutes(1), "second"));

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal("first", second.Stored.Summary.UserWords);
        Assert.Equal(Noon, second.Stored.Recorded);
        Assert.Single(await store.ReadAsync(Noon.AddDays(-1), Noon.AddDays(1)));
    }

    [Fact]
    public async Task Twenty_adds_of_one_reference_at_once_from_two_instances_make_one_case()
    {
        var (one, other) = (Open(), Open());

        var adds = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? one : other).AddOnceAsync(Case("MAG-RACE-0001", Noon, $"try {i}")))));

        var winner = Assert.Single(adds, a => a.IsNew);
        Assert.All(adds, a => Assert.Equal(winner.Stored.Summary.UserWords, a.Stored.Summary.UserWords));
        Assert.Single(await one.ReadAsync(Noon.AddDays(-1), Noon.AddDays(1)));
    }

    [Fact]
    public async Task Forwarding_is_noted_once_and_read_back()
    {
        var store = Open();
        await store.AddOnceAsync(Case("MAG-FWD-0001", Noon));

        await store.MarkForwardedAsync("MAG-FWD-0001", Noon.AddSeconds(1));
        await store.MarkForwardedAsync("MAG-FWD-0001", Noon.AddSeconds(9));
        await store.MarkForwardedAsync("MAG-NONE-0001", Noon);

        Assert.Equal(Noon.AddSeconds(1), (await store.FindAsync("MAG-FWD-0001"))!.Forwarded);
        Assert.Equal(Noon.AddSeconds(1), (await store.AddOnceAsync(Case("MAG-FWD-0001", Noon))).Stored.Forwarded);
        Assert.Null(await store.FindAsync("MAG-NONE-0001"));
    }

    [Fact]
    public async Task A_period_lists_the_cases_recorded_in_it_oldest_first()
    {
        var store = Open();
        await store.AddOnceAsync(Case("MAG-DAY2-0001", Noon.AddDays(1)));
        await store.AddOnceAsync(Case("MAG-DAY0-0001", Noon));
        await store.AddOnceAsync(Case("MAG-OUT-0001", Noon.AddDays(5)));

        var listed = await store.ReadAsync(Noon.AddHours(-1), Noon.AddDays(2));

        Assert.Equal(["MAG-DAY0-0001", "MAG-DAY2-0001"], listed.Select(c => c.Reference));
        Assert.Equal("I need a person", listed[0].Summary.UserWords);
    }
}

public sealed class MemoryCaseStoreConformance : CaseStoreConformance
{
    private readonly MemoryCaseStore store = new();

    protected override ICaseStore Open() => store;
}

public sealed class SqliteCaseStoreConformance : CaseStoreConformance, IDisposable
{
    private readonly TempSqliteFile file = new();
    private readonly List<SqliteCaseStore> opened = [];

    protected override ICaseStore Open()
    {
        var store = new SqliteCaseStore(file.Path);
        opened.Add(store);
        return store;
    }

    [Fact]
    public async Task Cases_older_than_the_retention_are_swept()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var store = new SqliteCaseStore(file.Path, TimeSpan.FromDays(180), clock);
        await store.AddOnceAsync(Case("MAG-OLD-0001", clock.GetUtcNow().AddDays(-181)));
        await store.AddOnceAsync(Case("MAG-NEW-0001", clock.GetUtcNow().AddDays(-1)));

        // The first add of the hour sweeps already; the explicit sweep then finds nothing more.
        Assert.Equal(0, await store.SweepExpiredAsync());
        Assert.Null(await store.FindAsync("MAG-OLD-0001"));
        Assert.NotNull(await store.FindAsync("MAG-NEW-0001"));
    }

    public void Dispose()
    {
        opened.ForEach(s => s.Dispose());
        file.Dispose();
    }
}

[Collection(RedisCollection.Name)]
public sealed class RedisCaseStoreConformance(RedisServer redis) : CaseStoreConformance, IDisposable
{
    private readonly string database = redis.NewDatabase();
    private readonly List<ConnectionMultiplexer> connections = [];

    protected override ICaseStore Open()
    {
        var connection = ConnectionMultiplexer.Connect(database);
        connections.Add(connection);
        return new RedisCaseStore(connection, TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task Every_key_a_case_writes_expires_with_the_retention()
    {
        var store = Open();
        await store.AddOnceAsync(Case("MAG-TTL-0001", DateTimeOffset.UtcNow));
        await store.MarkForwardedAsync("MAG-TTL-0001", DateTimeOffset.UtcNow);

        var server = connections[0].GetServers().Single();
        var db = connections[0].GetDatabase();
        var keys = server.Keys(db.Database, RedisCaseStore.KeyPrefix + "*").ToList();
        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.InRange(ttl!.Value, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30));
        }
    }

    public void Dispose() => connections.ForEach(c => c.Dispose());
}
