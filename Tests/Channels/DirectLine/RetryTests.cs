using System.Net;
using MagLearn.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>
/// A client that did not get the answer to a post sends it again with the same <c>clientActivityID</c>
/// (directlinejs does): the retry gets the first post's id, is not kept twice, and the bot hears it once.
/// </summary>
public class RetryTests : IClassFixture<RetryTests.CountingBotHost>
{
    private readonly CountingBotHost host;
    private readonly HttpClient http;

    public RetryTests(CountingBotHost host)
    {
        this.host = host;
        http = host.Http();
    }

    [Fact]
    public async Task A_retried_post_gets_the_first_id_and_the_bot_hears_it_once()
    {
        var chat = await StartedAsync(http);

        var first = await chat.PostAsync(Message("I want to change my email", "retry-1"));
        var again = await chat.PostAsync(Message("I want to change my email", "retry-1"));
        var (_, kept) = await chat.PollAsync("0");
        await Drained(chat);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Body.Value<string>("id"), again.Body.Value<string>("id"));
        Assert.Single(kept["activities"]!, a => a["channelData"]?.Value<string>("clientActivityID") == "retry-1");
        Assert.Equal(1, host.Bot.Heard(chat.ConversationId, "I want to change my email"));
    }

    [Fact]
    public async Task Two_posts_with_their_own_ids_are_two_turns_even_with_the_same_words()
    {
        var chat = await StartedAsync(http);

        await chat.PostAsync(Message("yes", "own-1"));
        await chat.PostAsync(Message("yes", "own-2"));
        await Drained(chat);

        Assert.Equal(2, host.Bot.Heard(chat.ConversationId, "yes"));
    }

    /// <summary>Queued behind every turn before it: once it has run, so have they.</summary>
    private Task Drained(DirectLineConversationClient chat) =>
        host.Services.GetRequiredService<DirectLineConversations>().Find(chat.ConversationId)!.Enqueue(() => Task.CompletedTask);

    public sealed class CountingBotHost : ChannelsHost
    {
        public CountingBot Bot { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IBot>(Bot));
        }
    }

    public sealed class CountingBot : IBot
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Conversation, string? Text)> heard = new();

        public int Heard(string conversation, string text) => heard.Count(h => h.Conversation == conversation && h.Text == text);

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type == Microsoft.Bot.Schema.ActivityTypes.Message)
                heard.Enqueue((turnContext.Activity.Conversation.Id, turnContext.Activity.Text));
            return Task.CompletedTask;
        }
    }
}
