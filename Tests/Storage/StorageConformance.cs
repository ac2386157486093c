using MagLearn.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace MagLearn.Tests.Storage;

/// <summary>
/// What every <see cref="IStorage"/> the bot can run on must do, written once and run against each: MemoryStorage
/// (the Bot Framework's own, the reference), SqliteStorage and RedisStorage. Each case of the Bot Framework's
/// StorageBaseTests has its counterpart here (named in the comment above it), plus what scale-out needs.
/// </summary>
public abstract class StorageConformance
{
    /// <summary>The storage under test, empty.</summary>
    protected abstract IStorage Storage { get; }

    protected Task Write(string key, object value) => Storage.WriteAsync(new Dictionary<string, object> { [key] = value });

    /// <summary>A counter read before someone else wrote it again (to Count 2): its ETag is now stale.</summary>
    private async Task<Counter> StaleCounterAsync()
    {
        await Write("counter", new Counter { Id = "1", Count = 1 });
        var stale = (await Read<Counter>("counter"))!;
        var fresh = (await Read<Counter>("counter"))!;
        fresh.Count = 2;
        await Write("counter", fresh);
        return stale;
    }

    protected async Task<T?> Read<T>(string key) where T : class =>
        (await Storage.ReadAsync([key])).TryGetValue(key, out var value) ? (T)value : null;

    // ReadUnknownTest
    [Fact]
    public async Task Reading_a_key_never_written_finds_nothing()
    {
        var items = await Storage.ReadAsync(["unknown"]);

        Assert.Empty(items);
    }

    // CreateObjectTest
    [Fact]
    public async Task A_plain_object_and_a_store_item_come_back_as_their_own_types()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["note"] = new Note { Id = "1" },
            ["counter"] = new Counter { Id = "2" },
        });

        var items = await Storage.ReadAsync(["note", "counter"]);

        Assert.Equal("1", Assert.IsType<Note>(items["note"]).Id);
        Assert.Equal("2", Assert.IsType<Counter>(items["counter"]).Id);
    }

    // CreateObjectTest
    [Fact]
    public async Task A_new_store_item_comes_back_with_an_etag()
    {
        await Write("counter", new Counter { Id = "1" });

        Assert.False(string.IsNullOrEmpty((await Read<Counter>("counter"))!.ETag));
    }

    // CreateObjectTest (a new item may carry an empty ETag as well as none)
    [Fact]
    public async Task A_new_store_item_with_an_empty_etag_is_created()
    {
        await Write("counter", new Counter { Id = "1", ETag = "" });

        Assert.Equal("1", (await Read<Counter>("counter"))!.Id);
    }

    // HandleCrazyKeys
    [Theory]
    [InlineData("!@#$%^&*()~/\\><,.?';\"`~")]
    [InlineData("emulator/conversations/8f9f3e10-4f5a-11ee-be56-0242ac120002|livechat")]
    [InlineData("msteams/conversations/a:1Xf-3TqP_y9ZKj2w==;messageid=1700000000000")]
    [InlineData("spaces and\ttabs and\nnew lines")]
    [InlineData("ünïcödé ключ 钥匙 🔑")]
    [InlineData("'; DROP TABLE state_items; --")]
    [InlineData("*")]
    public async Task A_key_with_odd_characters_keeps_its_item(string key)
    {
        await Write(key, new Counter { Id = "1" });

        Assert.Equal("1", (await Read<Counter>(key))!.Id);
    }

    [Fact]
    public async Task Keys_that_differ_only_in_case_are_different_keys()
    {
        await Write("Key", new Note { Id = "upper" });
        await Write("key", new Note { Id = "lower" });

        Assert.Equal("upper", (await Read<Note>("Key"))!.Id);
        Assert.Equal("lower", (await Read<Note>("key"))!.Id);
    }

    // UpdateObjectTest (second write)
    [Fact]
    public async Task An_item_read_and_written_back_is_updated_with_a_new_etag()
    {
        await Write("note", new Note { Id = "1", Count = 1 });
        await Write("counter", new Counter { Id = "1", Count = 1 });
        var loaded = await Storage.ReadAsync(["note", "counter"]);
        var firstETag = ((Counter)loaded["counter"]).ETag;
        ((Note)loaded["note"]).Count++;
        ((Counter)loaded["counter"]).Count++;

        await Storage.WriteAsync(loaded);

        var reloaded = await Storage.ReadAsync(["note", "counter"]);
        Assert.Equal(2, ((Note)reloaded["note"]).Count);
        Assert.Equal(2, ((Counter)reloaded["counter"]).Count);
        Assert.NotEqual(firstETag, ((Counter)reloaded["counter"]).ETag);
    }

    // UpdateObjectTest ("write with old etag should succeed for non-storeitem")
    [Fact]
    public async Task A_plain_object_written_from_a_stale_copy_overwrites_last_writer_wins()
    {
        await Write("note", new Note { Id = "1", Count = 1 });
        var stale = (await Read<Note>("note"))!;
        await Write("note", new Note { Id = "1", Count = 2 });

        stale.Count = 123;
        await Write("note", stale);

        Assert.Equal(123, (await Read<Note>("note"))!.Count);
    }

    // UpdateObjectTest ("write with old etag should FAIL for storeitem")
    [Fact]
    public async Task A_store_item_written_with_a_stale_etag_is_refused_as_an_etag_conflict()
    {
        var stale = await StaleCounterAsync();

        stale.Count = 123;
        var refused = await Assert.ThrowsAnyAsync<ArgumentException>(() => Write("counter", stale));

        Assert.True(ETagConflictException.IsConflict(refused), refused.Message);
    }

    // UpdateObjectTest (after the refused write)
    [Fact]
    public async Task A_refused_write_leaves_the_stored_item_as_it_was()
    {
        var stale = await StaleCounterAsync();

        stale.Count = 123;
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Write("counter", stale));

        Assert.Equal(2, (await Read<Counter>("counter"))!.Count);
    }

    // UpdateObjectTest ("write with wildcard etag should work")
    [Fact]
    public async Task A_store_item_written_with_etag_star_overwrites_whatever_is_stored()
    {
        await Write("counter", new Counter { Id = "1", Count = 1 });
        await Write("counter", new Counter { Id = "1", Count = 2, ETag = (await Read<Counter>("counter"))!.ETag });

        await Write("counter", new Counter { Id = "1", Count = 100, ETag = "*" });

        Assert.Equal(100, (await Read<Counter>("counter"))!.Count);
    }

    // UpdateObjectTest ("write with empty etag should not work")
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_store_item_written_over_an_existing_one_without_its_etag_is_refused(string? etag)
    {
        await Write("counter", new Counter { Id = "1", Count = 100 });

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Write("counter", new Counter { Id = "1", Count = 5, ETag = etag }));

        Assert.Equal(100, (await Read<Counter>("counter"))!.Count);
    }

    [Fact]
    public async Task A_store_item_may_replace_a_plain_object_under_the_same_key()
    {
        await Write("item", new Note { Id = "plain" });

        await Write("item", new Counter { Id = "stored", ETag = "made-up" });

        Assert.Equal("stored", (await Read<Counter>("item"))!.Id);
    }

    [Fact]
    public async Task Reads_are_copies_so_changing_one_changes_nothing_stored()
    {
        await Write("note", new Note { Id = "1", Lines = ["a"] });
        var copy = (await Read<Note>("note"))!;

        copy.Lines.Add("b");
        copy.Count = 9;

        var again = (await Read<Note>("note"))!;
        Assert.Equal(["a"], again.Lines);
        Assert.Equal(0, again.Count);
    }

    [Fact]
    public async Task Writing_leaves_the_callers_etag_alone_and_a_read_gives_the_current_one()
    {
        await Write("counter", new Counter { Id = "1" });
        var read = (await Read<Counter>("counter"))!;
        var given = read.ETag;

        await Write("counter", read);

        Assert.Equal(given, read.ETag);
        Assert.NotEqual(given, (await Read<Counter>("counter"))!.ETag);
    }

    // DeleteObjectTest
    [Fact]
    public async Task A_deleted_item_is_gone()
    {
        await Write("delete1", new Counter { Id = "1", Count = 1 });

        await Storage.DeleteAsync(["delete1"]);

        Assert.Empty(await Storage.ReadAsync(["delete1"]));
    }

    [Fact]
    public async Task A_deleted_store_item_can_be_created_again_without_an_etag()
    {
        await Write("counter", new Counter { Id = "old" });
        await Storage.DeleteAsync(["counter"]);

        await Write("counter", new Counter { Id = "new" });

        Assert.Equal("new", (await Read<Counter>("counter"))!.Id);
    }

    // DeleteUnknownObjectTest
    [Fact]
    public async Task Deleting_a_key_never_written_is_not_an_error()
    {
        await Storage.DeleteAsync(["unknown_key"]);
    }

    [Fact]
    public async Task Writing_null_for_a_key_leaves_nothing_to_read()
    {
        await Write("note", new Note { Id = "1" });

        await Storage.WriteAsync(new Dictionary<string, object> { ["note"] = null! });

        Assert.Empty(await Storage.ReadAsync(["note"]));
    }

    // BlobsStorageTests' *Validation cases
    [Fact]
    public async Task Null_keys_or_changes_are_refused_as_arguments()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.ReadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.WriteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.DeleteAsync(null!));
    }

    [Fact]
    public async Task Many_keys_are_written_read_and_deleted_at_once()
    {
        var items = Enumerable.Range(0, 300).ToDictionary(i => $"many/{i}", i => (object)new Counter { Id = i.ToString(), Count = i });

        await Storage.WriteAsync(items);
        var read = await Storage.ReadAsync(items.Keys.Append("many/missing").ToArray());
        await Storage.DeleteAsync(items.Keys.Where((_, i) => i % 2 == 0).ToArray());
        var left = await Storage.ReadAsync(items.Keys.ToArray());

        Assert.Equal(300, read.Count);
        Assert.All(read, pair => Assert.Equal(pair.Key, "many/" + ((Counter)pair.Value).Id));
        Assert.Equal(150, left.Count);
    }

    // BatchCreateObjectTest
    [Fact]
    public async Task Writers_racing_on_one_key_with_plain_objects_leave_one_of_their_items_whole()
    {
        var writes = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            Write("race", new Note { Id = "1", Count = i, Lines = Enumerable.Repeat($"writer {i}", 50).ToList() })));

        await Task.WhenAll(writes);

        var stored = (await Read<Note>("race"))!;
        Assert.Equal("1", stored.Id);
        Assert.All(stored.Lines, line => Assert.Equal($"writer {stored.Count}", line));
    }

    [Fact]
    public async Task Writers_racing_with_the_same_etag_let_exactly_one_win()
    {
        await Write("race", new Counter { Id = "1" });
        var etag = (await Read<Counter>("race"))!.ETag;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Write("race", new Counter { Id = "1", Count = i, ETag = etag });
                return true;
            }
            catch (ArgumentException e) when (ETagConflictException.IsConflict(e))
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task Writers_racing_read_modify_write_with_etags_lose_no_update()
    {
        await Write("count", new Counter { Id = "1" });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var counter = (await Read<Counter>("count"))!;
                counter.Count++;
                try
                {
                    await Write("count", counter);
                    return;
                }
                catch (ArgumentException e) when (ETagConflictException.IsConflict(e))
                {
                    // Someone else counted first: read again and retry.
                }
            }
        })));

        Assert.Equal(10, (await Read<Counter>("count"))!.Count);
    }

    // BatchCreateObjectTest with minimumExtraBytes
    [Fact]
    public async Task A_large_item_round_trips_intact()
    {
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + i % 26))) + "€✓";
        var lines = Enumerable.Range(0, 10_000).Select(i => $"line {i}").ToList();

        await Write("large", new Note { Id = "1", Text = text, Lines = lines });

        var stored = (await Read<Note>("large"))!;
        Assert.Equal(text, stored.Text);
        Assert.Equal(lines, stored.Lines);
    }

    [Fact]
    public async Task A_string_that_looks_like_a_date_comes_back_as_the_same_string()
    {
        await Write("note", new Note { Id = "1", Text = "2025-03-01T10:00:00+05:00" });

        Assert.Equal("2025-03-01T10:00:00+05:00", (await Read<Note>("note"))!.Text);
    }

    // StatePersistsThroughMultiTurn
    [Fact]
    public async Task User_state_persists_across_the_turns_of_a_conversation()
    {
        var userState = new UserState(Storage);
        var value = userState.CreateProperty<Note>("test");
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(userState));

        await new TestFlow(adapter, async (turn, ct) =>
            {
                var note = await value.GetAsync(turn, () => new Note(), ct);
                if (turn.Activity.Text == "set value")
                {
                    note.Text = "test";
                    await turn.SendActivityAsync("value saved", cancellationToken: ct);
                }
                else
                {
                    await turn.SendActivityAsync(note.Text, cancellationToken: ct);
                }
            })
            .Test("set value", "value saved")
            .Test("get value", "test")
            .StartTestAsync();
    }
}

/// <summary>
/// What only a store that outlives its storage object can show: a second object over the same stored data (a
/// restarted process, another instance) reads what the first wrote. MemoryStorage is left out: its one object is the
/// whole store, so a second opening would be the same object and the case would prove nothing.
/// </summary>
public abstract class ReopenableStorageConformance : StorageConformance
{
    /// <summary>A second storage object over the same stored data, as a restarted process or another instance opens it.</summary>
    protected abstract IStorage Reopen();

    [Fact]
    public void A_second_opening_is_another_object()
    {
        Assert.NotSame(Storage, Reopen());
    }

    [Fact]
    public async Task What_was_written_is_read_by_a_second_storage_over_the_same_store()
    {
        await Write("counter", new Counter { Id = "1", Count = 7 });

        var elsewhere = (await Reopen().ReadAsync(["counter"]))["counter"];

        Assert.Equal(7, Assert.IsType<Counter>(elsewhere).Count);
    }

    [Fact]
    public async Task Conversation_state_persists_across_turns_and_into_a_restarted_process()
    {
        var started = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(-5));

        await Chat(Storage).Test("I forgot my password", "1: I forgot my password").Test("smithj_1234", "2: I forgot my password | smithj_1234").StartTestAsync();
        await Chat(Reopen()).Test("yes", "3: I forgot my password | smithj_1234 | yes (Saturday, since 2025-03-01T10:00:00-05:00)").StartTestAsync();

        TestFlow Chat(IStorage storage)
        {
            var state = new ConversationState(storage);
            var visits = state.CreateProperty<Visit>("visit");
            var adapter = new TestAdapter(TestAdapter.CreateConversation("resumed")).Use(new AutoSaveStateMiddleware(state));
            return new TestFlow(adapter, async (turn, ct) =>
            {
                var visit = await visits.GetAsync(turn, () => new Visit { Started = started, Day = started.DayOfWeek }, ct);
                visit.Turns++;
                visit.Said.Add(turn.Activity.Text);
                visit.Values[$"turn{visit.Turns}"] = turn.Activity.Text;
                var reply = $"{visit.Turns}: {string.Join(" | ", visit.Said)}";
                if (visit.Turns == 3) reply += $" ({visit.Day}, since {visit.Started:yyyy-MM-ddTHH:mm:sszzz})";
                await turn.SendActivityAsync(reply, cancellationToken: ct);
            });
        }
    }
}

/// <summary>The Bot Framework's MemoryStorage: the reference the other storages are held to.</summary>
public sealed class MemoryStorageConformance : StorageConformance
{
    private readonly MemoryStorage storage = new();

    protected override IStorage Storage => storage;
}

public sealed class SqliteStorageConformance : ReopenableStorageConformance, IDisposable
{
    private readonly TempSqliteFile file = new();
    private readonly List<SqliteStorage> opened = [];

    public SqliteStorageConformance() => Storage = Open();

    protected override IStorage Storage { get; }

    protected override IStorage Reopen() => Open();

    private SqliteStorage Open()
    {
        var storage = new SqliteStorage(file.Path);
        opened.Add(storage);
        return storage;
    }

    public void Dispose()
    {
        opened.ForEach(s => s.Dispose());
        file.Dispose();
    }
}

[Collection(RedisCollection.Name)]
public sealed class RedisStorageConformance : ReopenableStorageConformance, IDisposable
{
    private readonly string database;
    private readonly List<StackExchange.Redis.ConnectionMultiplexer> connections = [];

    public RedisStorageConformance(RedisServer redis)
    {
        database = redis.NewDatabase();
        Storage = Open();
    }

    protected override IStorage Storage { get; }

    /// <summary>A new connection, as another bot instance has.</summary>
    protected override IStorage Reopen() => Open();

    private RedisStorage Open()
    {
        var connection = StackExchange.Redis.ConnectionMultiplexer.Connect(database);
        connections.Add(connection);
        return new RedisStorage(connection);
    }

    public void Dispose() => connections.ForEach(c => c.Dispose());
}
