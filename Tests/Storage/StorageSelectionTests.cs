using MagLearn.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Storage;

/// <summary>What the host runs on, for each <c>Storage:Kind</c>.</summary>
public class StorageSelectionTests
{
    [Fact]
    public void Kind_sqlite_keeps_state_in_the_file_named_by_storage_sqlite()
    {
        using var file = new TempSqliteFile();
        using var host = StoredHost.OnSqlite(file.Path);

        var storage = Assert.IsType<SqliteStorage>(host.Services.GetRequiredService<IStorage>());

        Assert.Equal(file.Path, storage.Path);
        Assert.True(File.Exists(file.Path));
    }

    [Fact]
    public void Kind_memory_keeps_state_in_the_bot_frameworks_memory_storage()
    {
        using var host = StoredHost.With(("Storage:Kind", "Memory"));

        Assert.IsType<MemoryStorage>(host.Services.GetRequiredService<IStorage>());
    }

    [Fact]
    public void The_turn_gate_runs_first_in_every_turn()
    {
        using var host = StoredHost.With(("Storage:Kind", "Memory"));

        var middleware = host.Services.GetServices<Microsoft.Bot.Builder.IMiddleware>().ToList();

        var gate = Assert.IsType<TurnQueue>(middleware[0]);
        Assert.False(gate.SharedAcrossInstances);
    }

    [Fact]
    public void Kind_redis_without_a_connection_string_stops_the_host_naming_the_setting()
    {
        using var host = StoredHost.With(("Storage:Kind", "Redis"), ("Storage:Redis", ""));

        var failure = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Storage:Redis", failure.ToString());
    }

    [Fact]
    public void The_host_tells_in_its_log_where_state_is_kept()
    {
        using var file = new TempSqliteFile();
        using var host = StoredHost.OnSqlite(file.Path);

        _ = host.Services;

        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 310 && e.Message.Contains(file.Path));
    }
}

[Collection(RedisCollection.Name)]
public class RedisSelectionTests(RedisServer redis)
{
    [Fact]
    public void Kind_redis_keeps_state_in_the_redis_named_by_storage_redis()
    {
        using var host = StoredHost.With(("Storage:Kind", "Redis"), ("Storage:Redis", redis.NewDatabase()));

        Assert.IsType<RedisStorage>(host.Services.GetRequiredService<IStorage>());
    }

    [Fact]
    public void Instances_sharing_redis_also_take_the_lease_every_instance_sees()
    {
        using var host = StoredHost.With(("Storage:Kind", "Redis"), ("Storage:Redis", redis.NewDatabase()));

        var middleware = host.Services.GetServices<Microsoft.Bot.Builder.IMiddleware>().ToList();

        Assert.True(Assert.IsType<TurnQueue>(middleware[0]).SharedAcrossInstances);
    }
}
