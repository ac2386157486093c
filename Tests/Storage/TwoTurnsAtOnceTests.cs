using MagLearn.Bot.Storage;
using MagLearn.Bot.Wording;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MagLearn.Tests.Storage;

/// <summary>
/// A double click, two tabs, two instances: turns of one conversation that arrive together. Each test bot turn
/// reads the conversation's state, then holds until the test says every turn is in flight (all arrived, or all read
/// the state), counts itself and saves, as the real bot does with its flow. Nothing waits on the wall clock: the
/// gates' patience runs on a fake clock the test moves.
/// </summary>
public abstract class TwoTurnsAtOnce
{
    private readonly FakeTimeProvider clock = new();

    /// <summary>Each call is a separate opening of the same store, as a separate bot instance has.</summary>
    protected abstract IStorage OpenStorage();

    [Fact]
    public async Task Without_the_gate_two_turns_at_once_lose_one_turns_progress()
    {
        var storage = OpenStorage();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("no-gate"));
        // Both turns read the state before either writes: the lost update the gates exist to prevent.
        var bot = new CountingBot(storage, holdUntilRead: 2);

        var replies = await RaceAsync(adapter, bot, "click", "click");

        Assert.Equal(["turn 1", "turn 1"], replies);
        Assert.Equal(1, await TurnsCountedAsync(storage, "no-gate"));
    }

    [Fact]
    public async Task A_double_click_runs_the_second_turn_after_the_first_on_the_state_it_left()
    {
        var storage = OpenStorage();
        var (adapter, arrivals) = Gated(storage, "double-click");

        var replies = await RaceAsync(adapter, new CountingBot(storage, arrivals.All(2)), "click", "click");

        Assert.Equal(["turn 1", "turn 2"], replies.Order());
        Assert.Equal(2, await TurnsCountedAsync(storage, "double-click"));
    }

    [Fact]
    public async Task Five_turns_at_once_are_all_counted_once()
    {
        var storage = OpenStorage();
        var (adapter, arrivals) = Gated(storage, "five");

        var replies = await RaceAsync(adapter, new CountingBot(storage, arrivals.All(5)), "a", "b", "c", "d", "e");

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"turn {i}"), replies.Order());
        Assert.Equal(5, await TurnsCountedAsync(storage, "five"));
    }

    [Fact]
    public async Task Five_turns_at_once_through_the_in_process_gate_are_all_counted_once()
    {
        var storage = OpenStorage();
        var arrivals = new Arrivals();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("five-local")).Use(arrivals).Use(new TurnQueue(NullLogger<TurnQueue>.Instance, clock: clock));

        var replies = await RaceAsync(adapter, new CountingBot(storage, arrivals.All(5)), "a", "b", "c", "d", "e");

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"turn {i}"), replies.Order());
        Assert.Equal(5, await TurnsCountedAsync(storage, "five-local"));
    }

    [Fact]
    public async Task A_turn_that_waits_too_long_at_the_in_process_gate_is_answered_and_not_run()
    {
        var storage = OpenStorage();
        var gate = new TurnQueue(NullLogger<TurnQueue>.Instance, clock: clock) { MaxWait = TimeSpan.FromSeconds(10) };
        var adapter = new TestAdapter(TestAdapter.CreateConversation("slow-local")).Use(gate);
        var release = new TaskCompletionSource();
        var first = TurnAsync(adapter, new CountingBot(storage, release.Task), "first");

        // The second waits behind the first, which holds until released; its patience runs out on the fake clock.
        var second = TurnAsync(adapter, new CountingBot(storage, Task.CompletedTask), "second");
        await UntilDoneAsync(second, () => clock.Advance(gate.MaxWait));
        release.SetResult();
        await first;

        Assert.Equal("turn 1", await first);
        Assert.Equal(Replies.StillBusy, await second);
        Assert.Equal(1, await TurnsCountedAsync(storage, "slow-local"));
    }

    [Fact]
    public async Task Two_instances_sharing_the_store_take_turns_on_one_conversation()
    {
        var (first, second) = (OpenStorage(), OpenStorage());
        var arrivals = new Arrivals();
        var firstInstance = Gated(first, "two-tabs", arrivals);
        var secondInstance = Gated(second, "two-tabs", arrivals);
        var allHere = arrivals.All(3);

        var replies = await Task.WhenAll(
            TurnAsync(firstInstance, new CountingBot(first, allHere), "from tab one"),
            TurnAsync(secondInstance, new CountingBot(second, allHere), "from tab two"),
            TurnAsync(firstInstance, new CountingBot(first, allHere), "tab one again"));

        Assert.Equal(["turn 1", "turn 2", "turn 3"], replies.Order());
        Assert.Equal(3, await TurnsCountedAsync(first, "two-tabs"));
    }

    [Fact]
    public async Task A_turn_that_waits_too_long_for_the_one_before_is_answered_and_not_run()
    {
        var storage = OpenStorage();
        var key = TurnLease.KeyFor("test", "stuck");
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new TurnLease { Holder = "a slow turn", Until = clock.GetUtcNow().AddMinutes(1) } });
        var gate = new SharedTurnLease(storage, NullLogger<SharedTurnLease>.Instance, clock) { MaxWait = TimeSpan.FromSeconds(10) };
        var adapter = new TestAdapter(TestAdapter.CreateConversation("stuck")).Use(gate);

        var turn = TurnAsync(adapter, new CountingBot(storage, Task.CompletedTask), "hello?");
        await UntilDoneAsync(turn, () => clock.Advance(TimeSpan.FromSeconds(1)));

        Assert.Equal(Replies.StillBusy, await turn);
        Assert.Equal(0, await TurnsCountedAsync(storage, "stuck"));
    }

    [Fact]
    public async Task A_lease_left_by_a_crashed_instance_is_taken_over_once_it_runs_out()
    {
        var storage = OpenStorage();
        var key = TurnLease.KeyFor("test", "crashed");
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new TurnLease { Holder = "gone", Until = clock.GetUtcNow().AddSeconds(-1) } });

        var reply = await TurnAsync(Gated(storage, "crashed").Adapter, new CountingBot(storage, Task.CompletedTask), "anyone there?");

        Assert.Equal("turn 1", reply);
    }

    [Fact]
    public async Task The_lease_is_given_back_when_the_turn_ends()
    {
        var storage = OpenStorage();

        await TurnAsync(Gated(storage, "done").Adapter, new CountingBot(storage, Task.CompletedTask), "hi");

        Assert.Empty(await storage.ReadAsync([TurnLease.KeyFor("test", "done")]));
    }

    [Fact]
    public async Task The_lease_is_given_back_when_the_turn_fails()
    {
        var storage = OpenStorage();
        var adapter = Gated(storage, "failed").Adapter;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            adapter.ProcessActivityAsync(MessageFactory.Text("boom"), (_, _) => throw new InvalidOperationException("the bot failed")));

        Assert.Empty(await storage.ReadAsync([TurnLease.KeyFor("test", "failed")]));
    }

    private static (TestAdapter Adapter, Arrivals Arrivals) Gated(IStorage storage, string conversation)
    {
        var arrivals = new Arrivals();
        return (Gated(storage, conversation, arrivals), arrivals);
    }

    /// <summary>
    /// An instance's pipeline: arrivals are counted before the lease, which is taken on this store. A waiting turn
    /// polls the lease on the system clock: what it sees does not depend on how long it waits, only on the gates.
    /// </summary>
    private static TestAdapter Gated(IStorage storage, string conversation, Arrivals arrivals) =>
        new TestAdapter(TestAdapter.CreateConversation(conversation)).Use(arrivals).Use(new SharedTurnLease(storage, NullLogger<SharedTurnLease>.Instance));

    /// <summary>Does <paramref name="step"/> (moves the fake clock) until <paramref name="turn"/> is done; a bounded wait, not a window.</summary>
    private static async Task UntilDoneAsync(Task turn, Action step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!turn.IsCompleted && DateTime.UtcNow < deadline)
        {
            step();
            await Task.WhenAny(turn, Task.Delay(10));
        }
        Assert.True(turn.IsCompleted, "the turn never finished");
    }

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
        return reply ?? adapter.GetNextReply()?.AsMessageActivity()?.Text ?? "";
    }

    private static async Task<int> TurnsCountedAsync(IStorage storage, string conversation)
    {
        var items = await storage.ReadAsync([$"test/conversations/{conversation}"]);
        return items.TryGetValue($"test/conversations/{conversation}", out var state) && state is IDictionary<string, object> values
               && values.TryGetValue("visit", out var visit) ? ((Visit)visit).Turns : 0;
    }

    /// <summary>Counts the turns that reached the pipeline (before any gate), and says when so many have.</summary>
    private sealed class Arrivals : Microsoft.Bot.Builder.IMiddleware
    {
        private readonly List<(int Count, TaskCompletionSource Reached)> waits = [];
        private int arrived;

        public Task All(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (waits) waits.Add((count, reached));
            return reached.Task;
        }

        public Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken = default)
        {
            lock (waits)
            {
                arrived++;
                foreach (var (count, reached) in waits.Where(w => w.Count <= arrived)) reached.TrySetResult();
            }
            return next(cancellationToken);
        }
    }

    /// <summary>Reads the state, holds until <c>hold</c> is done (or until so many turns have read), then counts itself and saves.</summary>
    private sealed class CountingBot : IBot
    {
        private readonly ConversationState state;
        private readonly Task? hold;
        private readonly int holdUntilRead;
        private readonly TaskCompletionSource allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int read;

        public CountingBot(IStorage storage, Task hold)
        {
            state = new ConversationState(storage);
            this.hold = hold;
        }

        public CountingBot(IStorage storage, int holdUntilRead)
        {
            state = new ConversationState(storage);
            this.holdUntilRead = holdUntilRead;
        }

        public async Task OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken = default)
        {
            var visits = state.CreateProperty<Visit>("visit");
            var visit = await visits.GetAsync(turn, () => new Visit(), cancellationToken);
            if (Interlocked.Increment(ref read) >= holdUntilRead) allRead.TrySetResult();
            await (hold ?? allRead.Task).WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
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
