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

    [Fact]
    public async Task A_slow_turn_that_takes_its_replies_in_the_response_gets_no_typing_indicator()
    {
        var message = MessageFactory.Text("hello");
        message.DeliveryMode = DeliveryModes.ExpectReplies;
        await new TestFlow(AdapterWithTheHostsMiddleware(), AnswersAfter(TimeSpan.FromMilliseconds(BotTyping.DelayMs + 400)))
            .Send(message)
            .AssertReply("done")
            .StartTestAsync();
    }
}
