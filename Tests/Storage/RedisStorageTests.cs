using MagLearn.Bot.Storage;
using StackExchange.Redis;

namespace MagLearn.Tests.Storage;

/// <summary>What Redis does beyond the shared conformance suite: whole batches and key expiry for idle conversations.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStorageTests(RedisServer server) : IDisposable
{
    private readonly ConnectionMultiplexer redis = server.Connect();

    [Fact]
    public Task A_batch_with_one_stale_item_writes_none_of_it() =>
        WholeBatches.A_batch_with_one_stale_item_writes_none_of_it(new RedisStorage(redis));

    [Fact]
    public async Task Every_write_sets_the_idle_expiry_again()
    {
        var storage = new RedisStorage(redis, TimeSpan.FromMinutes(30));

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Note() });

        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(RedisStorage.KeyPrefix + "conversation");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task An_idle_conversation_is_gone_once_its_expiry_passes()
    {
        var storage = new RedisStorage(redis, TimeSpan.FromMilliseconds(200));
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Note() });

        await Task.Delay(400);

        Assert.Empty(await storage.ReadAsync(["conversation"]));
    }

    [Fact]
    public async Task With_no_idle_expiry_keys_never_expire()
    {
        var storage = new RedisStorage(redis);

        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new Note() });

        Assert.Null(await redis.GetDatabase().KeyTimeToLiveAsync(RedisStorage.KeyPrefix + "conversation"));
    }

    public void Dispose() => redis.Dispose();
}
