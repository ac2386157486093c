using MagLearn.Bot.Storage;
using MagLearn.Bot.Wording;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Tests.Storage;

/// <summary>
/// A double click, two tabs, two instances: turns of one conversation that arrive together. Each test bot turn
/// reads the conversation's state, pauses (the window another turn could read the same state in), counts itself
/// and saves, as the real bot does with its flow.
/// </summary>
public abstract class TwoTurnsAtOnce
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(150);

    /// <summary>Each call is a separate opening of the same store, as a separate bot instance has.</summary>
    protected abstract IStorage OpenStorage();

    [Fact]
    public async Task Without_the_gate_two_turns_at_once_lose_one_turns_progress()
    {
        var storage = OpenStorage();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("no-gate"));

        var replies = await RaceAsync(adapter, new CountingBot(storage), "click", "click");

        Assert.Equal(["turn 1", "turn 1"], replies);
        Assert.Equal(1, await TurnsCountedAsync(storage, "no-gate"));
    }

    [Fact]
    public async Task A_double_click_runs_the_second_turn_after_the_first_on_the_state_it_left()
    {
        var storage = OpenStorage();
        var adapter = Gated(storage, "double-click");

        var replies = await RaceAsync(adapter, new CountingBot(storage), "click", "click");

        Assert.Equal(["turn 1", "turn 2"], replies.Order());
        Assert.Equal(2, await TurnsCountedAsync(storage, "double-click"));
    }

    [Fact]
    public async Task Five_turns_at_once_are_all_counted_once()
    {
        var storage = OpenStorage();
        var adapter = Gated(storage, "five");

        var replies = await RaceAsync(adapter, new CountingBot(storage), "a", "b", "c", "d", "e");

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"turn {i}"), replies.Order());
        Assert.Equal(5, await TurnsCountedAsync(storage, "five"));
    }

    [Fact]
    public async Task Five_turns_at_once_through_the_in_process_gate_are_all_counted_once()
    {
        var storage = OpenStorage();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("five-local")).Use(new TurnQueue(NullLogger<TurnQueue>.Instance));

        var replies = await RaceAsync(adapter, new CountingBot(storage), "a", "b", "c", "d", "e");

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"turn {i}"), replies.Order());
        Assert.Equal(5, await TurnsCountedAsync(storage, "five-local"));
    }

    [Fact]
    public async Task A_turn_that_waits_too_long_at_the_in_process_gate_is_answered_and_not_run()
    {
        var storage = OpenStorage();
        var gate = new TurnQueue(NullLogger<TurnQueue>.Instance) { MaxWait = TimeSpan.FromMilliseconds(50) };
        var adapter = new TestAdapter(TestAdapter.CreateConversation("slow-local")).Use(gate);

        var replies = await RaceAsync(adapter, new CountingBot(storage), "first", "second");

        // The turn that ran replied "turn 1"; the one turned away was answered by the gate, before reaching the bot.
        Assert.Single(replies, "turn 1");
        var sent = new List<string?>();
        for (var reply = adapter.GetNextReply(); reply is not null; reply = adapter.GetNextReply()) sent.Add(reply.AsMessageActivity()?.Text);
        Assert.Contains(Replies.StillBusy, sent);
        Assert.Equal(1, await TurnsCountedAsync(storage, "slow-local"));
    }

    [Fact]
    public async Task Two_instances_sharing_the_store_take_turns_on_one_conversation()
    {
        var (first, second) = (OpenStorage(), OpenStorage());
        var firstInstance = Gated(first, "two-tabs");
        var secondInstance = Gated(second, "two-tabs");

        var replies = await Task.WhenAll(
            TurnAsync(firstInstance, new CountingBot(first), "from tab one"),
            TurnAsync(secondInstance, new CountingBot(second), "from tab two"),
            TurnAsync(firstInstance, new CountingBot(first), "tab one again"));

        Assert.Equal(["turn 1", "turn 2", "turn 3"], replies.Order());
        Assert.Equal(3, await TurnsCountedAsync(first, "two-tabs"));
    }

    [Fact]
    public async Task A_turn_that_waits_too_long_for_the_one_before_is_answered_and_not_run()
    {
        var storage = OpenStorage();
        var key = TurnLease.KeyFor("test", "stuck");
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new TurnLease { Holder = "a slow turn", Until = DateTimeOffset.UtcNow.AddMinutes(1) } });
        var gate = new SharedTurnLease(storage, NullLogger<SharedTurnLease>.Instance) { MaxWait = TimeSpan.FromMilliseconds(200) };
        var adapter = new TestAdapter(TestAdapter.CreateConversation("stuck")).Use(gate);

        await TurnAsync(adapter, new CountingBot(storage), "hello?");

        Assert.Equal(Replies.StillBusy, adapter.GetNextReply()?.AsMessageActivity()?.Text);
        Assert.Null(adapter.GetNextReply());
        Assert.Equal(0, await TurnsCountedAsync(storage, "stuck"));
    }

    [Fact]
    public async Task A_lease_left_by_a_crashed_instance_is_taken_over_once_it_runs_out()
    {
        var storage = OpenStorage();
        var key = TurnLease.KeyFor("test", "crashed");
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new TurnLease { Holder = "gone", Until = DateTimeOffset.UtcNow.AddSeconds(-1) } });

        var reply = await TurnAsync(Gated(storage, "crashed"), new CountingBot(storage), "anyone there?");

        Assert.Equal("turn 1", reply);
    }

    [Fact]
    public async Task The_lease_is_given_back_when_the_turn_ends()
    {
        var storage = OpenStorage();

        await TurnAsync(Gated(storage, "done"), new CountingBot(storage), "hi");

        Assert.Empty(await storage.ReadAsync([TurnLease.KeyFor("test", "done")]));
    }

    [Fact]
    public async Task The_lease_is_given_back_when_the_turn_fails()
    {
        var storage = OpenStorage();
        var adapter = Gated(storage, "failed");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.ProcessActivityAsync(MessageFactory.Text("boom"), (_, _) => throw new InvalidOperationException("the bot failed")));

        Assert.Empty(await storage.ReadAsync([TurnLease.KeyFor("test", "failed")]));
    }

    private static TestAdapter Gated(IStorage storage, string conversation) =>
        new TestAdapter(TestAdapter.CreateConversation(conversation)).Use(new SharedTurnLease(storage, NullLogger<SharedTurnLease>.Instance));

    private static async Task<string[]> RaceAsync(TestAdapter adapter, CountingBot bot, params string[] texts) =>
        await Task.WhenAll(texts.Select(text => TurnAsync(adapter, bot, text)));

    /// <summary>One turn; its reply, taken from the turn itself so that racing turns' replies are not mixed up.</summary>
    private static async Task<string> TurnAsync(TestAdapter adapter, CountingBot bot, string text)
    {
        string? reply = null;
        await adapter.ProcessActivityAsync(MessageFactory.Text(text), async (turn, ct) =>
        {
            turn.OnSendActivities(async (_, activities, next) =>
            {
                reply = activities.OfType<IMessageActivity>().LastOrDefault()?.Text;
                return await next();
            });
            await bot.OnTurnAsync(turn, ct);
        });
        return reply ?? "";
    }

    private static async Task<int> TurnsCountedAsync(IStorage storage, string conversation)
    {
        var items = await storage.ReadAsync([$"test/conversations/{conversation}"]);
        return items.TryGetValue($"test/conversations/{conversation}", out var state) && state is IDictionary<string, object> values
               && values.TryGetValue("visit", out var visit) ? ((Visit)visit).Turns : 0;
    }

    private sealed class CountingBot(IStorage storage) : IBot
    {
        private readonly ConversationState state = new(storage);

        public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken = default)
        {
            var visits = state.CreateProperty<Visit>("visit");
            var visit = await visits.GetAsync(turn, () => new Visit(), cancellationToken);
            await Task.Delay(Window, cancellationToken);
            visit.Turns++;
            visit.Said.Add(turn.Activity.Text);
            await state.SaveChangesAsync(turn, cancellationToken: cancellationToken);
            await turn.SendActivityAsync($"turn {visit.Turns}", cancellationToken: cancellationToken);
        }
    }
}

public sealed class TwoTurnsAtOnceInMemory : TwoTurnsAtOnce
{
    private readonly MemoryStorage storage = new();

    protected override IStorage OpenStorage() => storage;
}

public sealed class TwoTurnsAtOnceOnSqlite : TwoTurnsAtOnce, IDisposable
{
    private readonly TempSqliteFile file = new();
    private readonly List<SqliteStorage> opened = [];

    protected override IStorage OpenStorage()
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
public sealed class TwoTurnsAtOnceOnRedis(RedisServer redis) : TwoTurnsAtOnce, IDisposable
{
    private readonly string database = redis.NewDatabase();
    private readonly List<StackExchange.Redis.ConnectionMultiplexer> connections = [];

    protected override IStorage OpenStorage()
    {
        var connection = StackExchange.Redis.ConnectionMultiplexer.Connect(database);
        connections.Add(connection);
        return new RedisStorage(connection);
    }

    public void Dispose() => connections.ForEach(c => c.Dispose());
}
