using MagLearn.Tests.Support;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace MagLearn.Tests.Support;

/// <summary>
/// A Bot Framework channel played on a free loopback port: it plays the Connector service, posting a person's
/// activities to a bot's <c>/api/messages</c> with itself as the serviceUrl and keeping what the bot sends back to
/// <c>/v3/conversations/{id}/activities</c>, whichever bot instance sends it.
/// </summary>
public sealed class StubChannel : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Activity> received = new();

    private StubChannel(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Everything every bot sent, in arrival order.</summary>
    public IReadOnlyList<Activity> Received => received.ToArray();

    public static async Task<StubChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new StubChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", channel.Capture);
        app.MapPost("/v3/conversations/{conversationId}/activities", channel.Capture);
        await app.StartAsync();
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return channel;
    }

    /// <summary>The bot's message replies, waiting up to <paramref name="timeout"/> for the first one to arrive.</summary>
    public async Task<IReadOnlyList<Activity>> MessagesAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !received.Any(IsMessage)) await Task.Delay(20);
        return received.Where(IsMessage).ToList();
    }

    /// <summary>The bot's message replies in one conversation, waiting up to <paramref name="timeout"/> for the first.</summary>
    public async Task<IReadOnlyList<Activity>> MessagesInAsync(string conversationId, TimeSpan timeout)
    {
        bool Mine(Activity a) => IsMessage(a) && a.Conversation?.Id == conversationId;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !received.Any(Mine)) await Task.Delay(20);
        return received.Where(Mine).ToList();
    }

    private static bool IsMessage(Activity a) => a.Type == ActivityTypes.Message;

    public ChannelConversation Conversation(HttpClient bot, string? id = null) => new(this, bot, id ?? "conv-" + Guid.NewGuid().ToString("N")[..12]);

    private Func<Activity, bool>? refuseOnce;

    /// <summary>The channel refuses (503) the next activity a bot sends that matches <paramref name="which"/>, once: a channel hiccup mid-turn.</summary>
    public void RefuseOnce(Func<Activity, bool> which) => refuseOnce = which;

    private async Task<IResult> Capture(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync())!;
        if (refuseOnce is { } refuse && refuse(activity) && Interlocked.CompareExchange(ref refuseOnce, null, refuse) == refuse)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        received.Enqueue(activity);
        return Results.Json(new { id = "sent-" + received.Count });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One person's conversation through a <see cref="StubChannel"/>; each turn returns what the bot said in it.</summary>
public sealed class ChannelConversation(StubChannel channel, HttpClient bot, string id)
{
    private static int sent;

    public string Id => id;

    /// <summary>The bot instance that answered the last turn, when a proxy says (nginx's X-Upstream header).</summary>
    public string? LastServedBy { get; private set; }

    public Task<Turn> SaysAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public Task<Turn> JoinsAsync() => SendAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount("user-1", "Pat"), new ChannelAccount("bot", "MagLearn Bot")],
    });

    /// <param name="to">Another instance of the bot to send it to (a proxy's choice); the conversation's own when none.</param>
    public Task<Turn> SendAsync(Activity activity, HttpClient? to = null)
    {
        // Unique across every conversation object of the process: a second one over the same conversation (after a
        // restart) must not reuse an id, which the bot would take for the channel retrying a post.
        activity.Id = $"{id}-{Interlocked.Increment(ref sent)}";
        return PostAsync(activity, to ?? bot);
    }

    /// <summary>
    /// <paramref name="activity"/>, sent before, sent again with its id, as a channel retries a post it got no answer
    /// to; to another instance when <paramref name="to"/> is given. Returns what the bot said to this post alone.
    /// </summary>
    public Task<Turn> ResendAsync(Activity activity, HttpClient? to = null) => PostAsync(activity, to ?? bot);

    private async Task<Turn> PostAsync(Activity activity, HttpClient bot)
    {
        var before = channel.Received.Count;
        activity.ChannelId = "webchat";
        activity.ServiceUrl = channel.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: id);
        activity.From ??= new ChannelAccount("user-1", "Pat", RoleTypes.User);
        activity.Recipient ??= new ChannelAccount("bot", "MagLearn Bot", RoleTypes.Bot);
        activity.Timestamp = DateTimeOffset.UtcNow;
        using var content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json");
        using var response = await bot.PostAsync("api/messages", content);
        LastServedBy = response.Headers.TryGetValues("X-Upstream", out var upstream) ? upstream.First() : null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the bot answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        // The bot sends its replies while the request is open, so they are in by the time it answers; each names
        // the activity it answers, which tells apart the replies of turns sent at once.
        return new Turn(channel.Received.Skip(before).Where(a => a.Conversation?.Id == id && a.ReplyToId == activity.Id).ToList());
    }
}

/// <summary>What the bot sent in one turn.</summary>
public sealed record Turn(IReadOnlyList<Activity> Activities)
{
    public IReadOnlyList<string> Texts => Activities.Where(a => a.Type == ActivityTypes.Message).Select(a => a.Text ?? "").ToList();

    public string AllText => string.Join("\n", Texts);

    public IReadOnlyList<string> Buttons => Activities.SelectMany(a => a.SuggestedActions?.Actions ?? []).Select(a => a.Title).ToList();

    public Activity? Event(string name) => Activities.LastOrDefault(a => a.Type == ActivityTypes.Event && a.Name == name);
}
