using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MagLearn.LoadGen;

/// <summary>One simulated user's conversation: sends a message and returns once the bot's reply has been read.</summary>
public interface IConversationClient : IAsyncDisposable
{
    /// <summary>The bot's reply as the client read it, or null when none came back.</summary>
    Task<string?> TurnAsync(string text);

    /// <summary>Why the last turn came back with no reply (an HTTP status, a timeout), for a report of errors.</summary>
    string? Failure { get; }
}

/// <summary>
/// Straight to <c>/api/messages</c>, asking for the replies in the HTTP response (<c>deliveryMode: expectReplies</c>),
/// so a turn is timed from the request to the bot's last reply with no channel service in between. The echo
/// baseline and the bot are driven exactly alike.
/// </summary>
public sealed class MessagesClient(HttpClient http, string conversation, int user) : IConversationClient
{
    private long turn;

    public string? Failure { get; private set; }

    public async Task<string?> TurnAsync(string text)
    {
        var activity = new
        {
            type = "message",
            id = $"{conversation}-{turn++}",
            channelId = "directline",
            serviceUrl = "http://127.0.0.1:9/",
            deliveryMode = "expectReplies",
            from = new { id = $"user-{user}", name = "Load" },
            recipient = new { id = "bot", name = "Bot" },
            conversation = new { id = conversation },
            text,
            locale = "en-US",
        };
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await http.PostAsync("/api/messages", content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && body.Contains("\"activities\"")) return body;
            Failure = response.IsSuccessStatusCode ? "a response without activities" : $"HTTP {(int)response.StatusCode}";
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Failure = e.Message;
            return null;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// As Web Chat talks to the bot: the host's own Direct Line. The conversation is started with the Direct Line
/// secret, its WebSocket stream is opened once, and each turn posts the message and waits on the stream for the
/// bot's first message that replies to it. This path includes what /api/messages skips: the Direct Line
/// transcript, the token check, the hand-off to the bot in the background and the push over the socket.
/// </summary>
public sealed class DirectLineClient : IConversationClient
{
    public const string Secret = "load-test-direct-line-secret";

    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient http;
    private readonly string conversationId;
    private readonly string token;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> replies = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing = new();
    private Task? receiving;

    private DirectLineClient(HttpClient http, string conversationId, string token)
    {
        this.http = http;
        this.conversationId = conversationId;
        this.token = token;
    }

    public static async Task<DirectLineClient> StartAsync(HttpClient http)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var response = await http.SendAsync(start);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var client = new DirectLineClient(http, root.GetProperty("conversationId").GetString()!, root.GetProperty("token").GetString()!);
        await client.socket.ConnectAsync(new Uri(root.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        client.receiving = Task.Run(client.ReceiveAsync);
        return client;
    }

    public string? Failure { get; private set; }

    public async Task<string?> TurnAsync(string text)
    {
        try
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities")
            {
                Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { type = "message", from = new { id = "load" }, text, locale = "en-US" })),
            };
            post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(post);
            if (!response.IsSuccessStatusCode)
            {
                Failure = $"HTTP {(int)response.StatusCode}";
                return null;
            }
            using var posted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var id = posted.RootElement.GetProperty("id").GetString()!;
            // The reply can come over the socket before the post's own response: both sides meet on the id.
            var reply = await ReplyTo(id).Task.WaitAsync(ReplyTimeout);
            replies.TryRemove(id, out _);
            return reply;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or JsonException)
        {
            Failure = e is TimeoutException ? $"no reply on the stream in {ReplyTimeout.TotalSeconds:0} s" : e.Message;
            return null;
        }
    }

    private TaskCompletionSource<string> ReplyTo(string id) =>
        replies.GetOrAdd(id, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !closing.IsCancellationRequested)
            {
                var frame = await socket.ReceiveAsync(buffer, closing.Token);
                if (frame.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, frame.Count);
                if (!frame.EndOfMessage) continue;
                if (message.Length > 0) Deliver(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }

    /// <summary>An activity set from the stream: the bot's messages complete the turns they reply to.</summary>
    private void Deliver(byte[] utf8)
    {
        using var set = JsonDocument.Parse(utf8);
        if (!set.RootElement.TryGetProperty("activities", out var activities)) return;
        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.GetProperty("type").GetString() != "message") continue;
            if (!activity.TryGetProperty("replyToId", out var replyTo) || replyTo.GetString() is not { } id) continue;
            ReplyTo(id).TrySetResult(activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "");
        }
    }

    public async ValueTask DisposeAsync()
    {
        closing.Cancel();
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (WebSocketException) { }
        if (receiving is not null) await receiving;
        socket.Dispose();
        closing.Dispose();
    }
}
