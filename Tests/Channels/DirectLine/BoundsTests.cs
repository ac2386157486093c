using System.Net;
using MagLearn.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>
/// The local Direct Line's memory is bounded by more than a conversation's count of activities: a client posting
/// faster than the bot answers is told to wait, and conversations nobody uses are dropped on a timer.
/// </summary>
public class BoundsTests
{
    [Fact]
    public async Task Posts_beyond_the_turns_waiting_are_refused_with_429_and_leave_no_echo()
    {
        using var host = new HeldBotHost();
        var http = host.Http();
        var chat = await StartedAsync(http);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await chat.PostAsync(Message($"waiting {i}", $"c{i}"))).Status);
        var refused = await chat.PostAsync(Message("one too many", "c3"));
        var (_, kept) = await chat.PollAsync("0");
        host.Bot.Release();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TooManyRequests", refused.Body["error"]!.Value<string>("code"));
        Assert.DoesNotContain(kept["activities"]!, a => a.Value<string>("text") is "waiting 2" or "one too many");
    }

    [Fact]
    public async Task Once_the_bot_has_caught_up_the_client_may_post_again()
    {
        using var host = new HeldBotHost();
        var http = host.Http();
        var chat = await StartedAsync(http);
        for (var i = 0; i < 3; i++) await chat.PostAsync(Message($"waiting {i}", $"c{i}"));

        host.Bot.Release();
        // Queued behind every turn before it: once it has run, so have they.
        await host.Services.GetRequiredService<DirectLineConversations>().Find(chat.ConversationId)!.Enqueue(() => Task.CompletedTask);

        Assert.Equal(HttpStatusCode.OK, (await chat.PostAsync(Message("now", "c9"))).Status);
    }

    [Fact]
    public void Idle_conversations_are_dropped_on_a_timer_while_used_ones_stay()
    {
        using var host = new ShortLivesHost();
        var conversations = host.Services.GetRequiredService<DirectLineConversations>();
        var idle = conversations.Create();
        var used = conversations.Create();

        for (var i = 0; i < 6; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.NotNull(conversations.Find(used.Id));
        }

        Assert.Null(conversations.Find(idle.Id));
        Assert.NotNull(conversations.Find(used.Id));
    }

    /// <summary>
    /// A host whose bot holds every turn until the test releases it, two posted turns allowed to wait. The start's
    /// welcome turn is held too, so the posts' turns wait behind it.
    /// </summary>
    private sealed class HeldBotHost() : ChannelsHost(new Dictionary<string, string?> { ["DirectLine:Local:MaxPendingTurns"] = "2" })
    {
        public HeldBot Bot { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IBot>(Bot));
        }
    }

    private sealed class HeldBot : IBot
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => released.TrySetResult();

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => released.Task;
    }
}
