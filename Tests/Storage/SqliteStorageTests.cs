using MagLearn.Bot.Storage;
using Microsoft.Bot.Builder;

namespace MagLearn.Tests.Storage;

/// <summary>What SQLite does beyond the shared conformance suite: whole batches, two openers of one file, idle expiry.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly TempSqliteFile file = new();
    private readonly List<SqliteStorage> opened = [];

    private SqliteStorage Open(TimeSpan idleExpiry = default, TimeProvider? clock = null)
    {
        var storage = new SqliteStorage(file.Path, idleExpiry, clock);
        opened.Add(storage);
        return storage;
    }

    [Fact]
    public Task A_batch_with_one_stale_item_writes_none_of_it() =>
        WholeBatches.A_batch_with_one_stale_item_writes_none_of_it(Open());

    [Fact]
    public async Task Among_many_writes_at_once_a_stale_one_fails_alone_and_every_other_lands()
    {
        var storage = Open();
        await storage.WriteAsync(new Dictionary<string, object> { ["stale"] = new Counter { Id = "1", Count = 1 } });

        // Writes that arrive together are committed together; each must still stand or fall on its own.
        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(() => storage.WriteAsync(new Dictionary<string, object>
        {
            [$"note-{i}"] = new Note { Id = $"{i}" },
        }))).ToList();
        var stale = Task.Run(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["fresh"] = new Note { Id = "new" },
            ["stale"] = new Counter { Id = "1", Count = 2, ETag = "not-the-stored-one" },
        }));
        writes.AddRange(Enumerable.Range(200, 200).Select(i => Task.Run(() => storage.WriteAsync(new Dictionary<string, object>
        {
            [$"note-{i}"] = new Note { Id = $"{i}" },
        }))));

        await Assert.ThrowsAsync<ETagConflictException>(() => stale);
        await Task.WhenAll(writes);
        var notes = await storage.ReadAsync(Enumerable.Range(0, 400).Select(i => $"note-{i}").ToArray());
        Assert.Equal(400, notes.Count);
        Assert.Empty(await storage.ReadAsync(["fresh"]));
        Assert.Equal(1, ((Counter)(await storage.ReadAsync(["stale"]))["stale"]).Count);
    }

    [Fact]
    public async Task Two_storages_on_one_file_counting_at_once_lose_no_update()
    {
        var first = Open();
        var second = Open();
        await first.WriteAsync(new Dictionary<string, object> { ["count"] = new Counter() });

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => Increment(i % 2 == 0 ? first : second))));

        Assert.Equal(12, ((Counter)(await first.ReadAsync(["count"]))["count"]).Count);
    }

    [Fact]
    public async Task A_disposed_storage_lets_go_of_its_file_and_what_it_wrote_moves_with_the_file()
    {
        var storage = new SqliteStorage(file.Path);
        await storage.WriteAsync(new Dictionary<string, object> { ["count"] = new Counter { Id = "1", Count = 7 } });
        await storage.ReadAsync(["count"]);

        storage.Dispose();

        // SQLite folds its write-ahead log into the file when the last connection closes: none is left open.
        Assert.False(File.Exists(file.Path + "-wal"), "a connection to the file is still open");
        var moved = Path.Combine(Path.GetDirectoryName(file.Path)!, "moved.db");
        File.Move(file.Path, moved);
        using var reopened = new SqliteStorage(moved);
        Assert.Equal(7, ((Counter)(await reopened.ReadAsync(["count"]))["count"]).Count);
    }

    [Fact]
    public async Task Many_reads_at_once_each_get_their_own_item()
    {
        var storage = Open();
        await storage.WriteAsync(Enumerable.Range(0, 50).ToDictionary(i => $"n-{i}", i => (object)new Counter { Id = $"{i}", Count = i }));

        var reads = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
            (Key: i % 50, Item: (await storage.ReadAsync([$"n-{i % 50}"]))[$"n-{i % 50}"]))));

        Assert.All(reads, r => Assert.Equal(r.Key, ((Counter)r.Item).Count));
    }

    [Fact]
    public void The_database_file_and_its_folder_are_created_when_missing()
    {
        var path = Path.Combine(Path.GetDirectoryName(file.Path)!, "deeper", "still", "state.db");

        using var storage = new SqliteStorage(path);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_conversation_idle_longer_than_the_expiry_is_swept_and_a_recent_one_kept()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-03-01T00:00:00Z"));
        var storage = Open(TimeSpan.FromDays(30), clock);
        await storage.WriteAsync(new Dictionary<string, object> { ["old"] = new Note { Id = "old" } });
        clock.Advance(TimeSpan.FromDays(20));
        await storage.WriteAsync(new Dictionary<string, object> { ["recent"] = new Note { Id = "recent" } });
        clock.Advance(TimeSpan.FromDays(11));

        var swept = storage.SweepIdle();

        Assert.Equal(1, swept);
        Assert.Equal(["recent"], (await storage.ReadAsync(["old", "recent"])).Keys);
    }

    [Fact]
    public async Task With_no_idle_expiry_nothing_is_ever_swept()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-03-01T00:00:00Z"));
        var storage = Open(TimeSpan.Zero, clock);
        await storage.WriteAsync(new Dictionary<string, object> { ["old"] = new Note { Id = "old" } });
        clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(0, storage.SweepIdle());
        Assert.Single(await storage.ReadAsync(["old"]));
    }

    private static async Task Increment(IStorage storage)
    {
        while (true)
        {
            var counter = (Counter)(await storage.ReadAsync(["count"]))["count"];
            counter.Count++;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["count"] = counter });
                return;
            }
            catch (ETagConflictException)
            {
            }
        }
    }

    public void Dispose()
    {
        opened.ForEach(s => s.Dispose());
        file.Dispose();
    }
}
