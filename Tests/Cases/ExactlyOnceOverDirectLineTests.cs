using MagLearn.Bot.Cases;
using MagLearn.Tests.Channels;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Cases;

/// <summary>
/// Web Chat over the host's own Direct Line, which retries a post it got no answer to with the same
/// <c>clientActivityID</c>: the last answer of a hand-off posted twice is one case and one hand-off event in the
/// conversation.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class ExactlyOnceOverDirectLineTests(ChannelsHost host)
{
    [Fact]
    public async Task A_retried_last_answer_is_one_case_and_one_handoff_event()
    {
        var chat = await StartedAsync(host.Http());
        var asked = await chat.SaysAsync("I want to talk to a person");
        await chat.AnswerToAsync(asked);

        var first = await chat.PostAsync(Message("no", "last-answer"));
        var retried = await chat.PostAsync(Message("no", "last-answer"));
        await chat.ReadUntilAsync(a => a.Value<string>("type") == "event" && a.Value<string>("name") == "handoff");
        // Anything a second turn would have said is in by the time the bot answers one more message.
        await chat.AnswerToAsync(await chat.SaysAsync("thanks"));
        var (_, everything) = await chat.PollAsync("0");

        Assert.Equal(first.Body.Value<string>("id"), retried.Body.Value<string>("id"));
        Assert.Single(everything["activities"]!, a => a.Value<string>("type") == "event" && a.Value<string>("name") == "handoff");
        var cases = await host.Services.GetRequiredService<ICaseStore>().ReadAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Single(cases, c => c.Conversation == chat.ConversationId);
    }
}
