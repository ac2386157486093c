using MagLearn.Bot.Hosting;
using MagLearn.Tests.Api;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Conversation;

/// <summary>The typing indicator, with the middleware the host really runs: it shows when a turn is slow, not otherwise.</summary>
[Collection(HostCollection.Name)]
public class TypingTests(MagLearnHost host)
{
    private TestAdapter AdapterWithTheHostsMiddleware()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation($"typing-{Guid.NewGuid():N}"));
        foreach (var middleware in host.Services.GetServices<IMiddleware>()) adapter.Use(middleware);
        return adapter;
    }

    private static BotCallbackHandler AnswersAfter(TimeSpan delay) => async (turn, ct) =>
    {
        await Task.Delay(delay, ct);
        await turn.SendActivityAsync("done", cancellationToken: ct);
    };

    [Fact]
    public async Task A_slow_turn_shows_typing_before_the_answer()
    {
        await new TestFlow(AdapterWithTheHostsMiddleware(), AnswersAfter(TimeSpan.FromMilliseconds(BotTyping.DelayMs + 400)))
            .Send("hello")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply("done")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_quick_answer_comes_without_a_typing_indicator()
    {
        await new TestFlow(AdapterWithTheHostsMiddleware(), AnswersAfter(TimeSpan.Zero))
            .Send("hello")
            .AssertReply("done")
            .AssertNoReply("no typing after the answer", timeout: BotTyping.DelayMs + 200)
            .StartTestAsync();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(DeliveryModes.ExpectReplies, false)]
    public async Task A_slow_turn_shows_typing_unless_it_takes_its_replies_in_the_response(string? deliveryMode, bool typingShown)
    {
        var message = MessageFactory.Text("hello");
        message.DeliveryMode = deliveryMode;
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var adapter = AdapterWithTheHostsMiddleware();
        await adapter.ProcessActivityAsync(message, async (turn, ct) =>
        {
            turn.OnSendActivities(async (_, activities, next) =>
            {
                foreach (var activity in activities) sent.Enqueue(activity.Type);
                return await next();
            });
            await Task.Delay(BotTyping.DelayMs + 400, ct);
            await turn.SendActivityAsync("done", cancellationToken: ct);
        });

        // The SDK's typing loop sends straight through the adapter, past the turn's send handlers.
        for (var reply = adapter.GetNextReply(); reply is not null; reply = adapter.GetNextReply()) sent.Enqueue(reply.Type);
        Assert.Equal(typingShown, sent.Contains(ActivityTypes.Typing));
        Assert.Contains(ActivityTypes.Message, sent);
    }
}
