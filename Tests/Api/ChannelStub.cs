using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace MagLearn.Tests.Api;

/// <summary>
/// A stand-in for a Bot Framework channel: a real HTTP listener on a free loopback port that plays the Connector
/// service, so the bot's replies to <c>/v3/conversations/{id}/activities/{activityId}</c> can be read back.
/// </summary>
public sealed class ChannelStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Activity> received = new();

    private ChannelStub(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<Activity> Received => received.ToArray();

    public static async Task<ChannelStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ChannelStub(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", stub.Capture);
        app.MapPost("/v3/conversations/{conversationId}/activities", stub.Capture);
        await app.StartAsync();
        stub.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return stub;
    }

    private async Task<IResult> Capture(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync())!;
        received.Enqueue(activity);
        return Results.Json(new { id = "reply-" + received.Count });
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

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
