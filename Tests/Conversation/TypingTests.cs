using MagLearn.Bot.Hosting;
using MagLearn.Tests.Api;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MagLearn.Tests.Conversation;

/// <summary>
/// The typing indicator shows when a turn is slow, not otherwise. Time is the test's (a fake clock): a turn is held
/// open by a gate while the clock is moved past the delay, so nothing depends on how fast the machine is.
/// </summary>
public class TypingTests
{
    private readonly FakeTimeProvider clock = new();

    private TestAdapter Adapter() => new TestAdapter(TestAdapter.CreateConversation($"typing-{Guid.NewGuid():N}")).Use(new BotTyping(clock));

    /// <summary>Runs a turn whose bot waits for <paramref name="answer"/>; returns once the bot has started.</summary>
    private static async Task<Task> HeldTurnAsync(TestAdapter adapter, Activity message, Task answer)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn = adapter.ProcessActivityAsync(message, async (context, ct) =>
        {
            started.SetResult();
            await answer;
            await context.SendActivityAsync("done", cancellationToken: ct);
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return turn;
    }

    private static async Task<List<string>> SentAsync(TestAdapter adapter, int atLeast)
    {
        var sent = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sent.Count < atLeast && DateTime.UtcNow < deadline)
        {
            if (adapter.GetNextReply() is { } reply) sent.Add(reply.Type);
            else await Task.Delay(5);
        }
        for (var reply = adapter.GetNextReply(); reply is not null; reply = adapter.GetNextReply()) sent.Add(reply.Type);
        return sent;
    }

    [Fact]
    public async Task A_turn_slower_than_the_delay_shows_typing_before_the_answer()
    {
        var adapter = Adapter();
        var answer = new TaskCompletionSource();
        var turn = await HeldTurnAsync(adapter, MessageFactory.Text("hello"), answer.Task);

        clock.Advance(BotTyping.Delay);
        Assert.Equal([ActivityTypes.Typing], await SentAsync(adapter, atLeast: 1));
        answer.SetResult();
        await turn;

        Assert.Equal([ActivityTypes.Message], await SentAsync(adapter, atLeast: 1));
    }

    [Fact]
    public async Task Typing_is_repeated_every_period_while_the_turn_goes_on()
    {
        var adapter = Adapter();
        var answer = new TaskCompletionSource();
        var turn = await HeldTurnAsync(adapter, MessageFactory.Text("hello"), answer.Task);

        clock.Advance(BotTyping.Delay);
        await SentAsync(adapter, atLeast: 1);
        clock.Advance(BotTyping.Period);

        Assert.Equal([ActivityTypes.Typing], await SentAsync(adapter, atLeast: 1));
        answer.SetResult();
        await turn;
    }

    [Fact]
    public async Task An_answer_within_the_delay_comes_without_typing_and_none_follows_it()
    {
        var adapter = Adapter();
        var answer = new TaskCompletionSource();
        var turn = await HeldTurnAsync(adapter, MessageFactory.Text("hello"), answer.Task);

        clock.Advance(BotTyping.Delay - TimeSpan.FromMilliseconds(1));
        answer.SetResult();
        await turn;
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([ActivityTypes.Message], await SentAsync(adapter, atLeast: 1));
    }

    [Fact]
    public async Task A_turn_that_takes_its_replies_in_the_response_gets_no_typing_however_slow()
    {
        var adapter = Adapter();
        var message = MessageFactory.Text("hello");
        message.DeliveryMode = DeliveryModes.ExpectReplies;
        var answer = new TaskCompletionSource();
        var turn = await HeldTurnAsync(adapter, message, answer.Task);

        clock.Advance(TimeSpan.FromMinutes(1));
        answer.SetResult();
        await turn;

        Assert.DoesNotContain(ActivityTypes.Typing, await SentAsync(adapter, atLeast: 1));
    }
}

/// <summary>The host runs the typing middleware tested above, on the system clock.</summary>
[Collection(HostCollection.Name)]
public class TypingInTheHostTests(MagLearnHost host)
{
    [Fact]
    public void The_host_runs_this_typing_middleware()
    {
        Assert.Contains(host.Services.GetServices<IMiddleware>(), m => m is BotTyping);
    }
}
