using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>
/// A Direct Line 3.0 client as thin as the protocol: the page's token call, then start, post and poll with that
/// token, keeping the watermark. Every call returns the status too, so tests can pin refusals.
/// </summary>
public sealed class DirectLineConversationClient(HttpClient http, string token, string conversationId, string userId)
{
    public string Token { get; private set; } = token;
    public string ConversationId { get; } = conversationId;
    public string UserId { get; } = userId;
    public string Watermark { get; private set; } = "";

    /// <summary>What the web page does: <c>POST /api/webchat/token</c>.</summary>
    public static async Task<DirectLineConversationClient> OpenAsync(HttpClient http)
    {
        var answer = JObject.Parse(await (await http.PostAsync("api/webchat/token", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return new DirectLineConversationClient(http, answer.Value<string>("token")!, answer.Value<string>("conversationId")!, answer.Value<string>("userId")!);
    }

    /// <summary>Opens and starts the conversation, as directlinejs does on connect.</summary>
    public static async Task<DirectLineConversationClient> StartedAsync(HttpClient http)
    {
        var client = await OpenAsync(http);
        var (status, _) = await client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, status);
        return client;
    }

    public async Task<(HttpStatusCode Status, JObject Body)> StartAsync() =>
        await SendAsync(HttpMethod.Post, "v3/directline/conversations", new JObject());

    public async Task<(HttpStatusCode Status, JObject Body)> ReconnectAsync(string watermark) =>
        await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{ConversationId}?watermark={watermark}");

    public async Task<(HttpStatusCode Status, JObject Body)> RefreshAsync() =>
        await SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh");

    public async Task<(HttpStatusCode Status, JObject Body)> PostAsync(JObject activity, string? conversationId = null) =>
        await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities", activity);

    /// <summary>Posts a message as Web Chat does (with a <c>clientActivityID</c>) and returns the id the server gave it.</summary>
    public async Task<string> SaysAsync(string text, string? clientActivityId = null)
    {
        var (status, body) = await PostAsync(Message(text, clientActivityId ?? Guid.NewGuid().ToString("N")));
        Assert.Equal(HttpStatusCode.OK, status);
        return body.Value<string>("id")!;
    }

    public async Task<(HttpStatusCode Status, JObject Body)> PollAsync(string? watermark = null, string? conversationId = null) =>
        await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities?watermark={watermark ?? Watermark}");

    /// <summary>Polls (keeping the watermark) until an activity matches, and returns everything read on the way.</summary>
    public async Task<IReadOnlyList<JObject>> ReadUntilAsync(Func<JObject, bool> done, TimeSpan? timeout = null)
    {
        var read = new List<JObject>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var (status, body) = await PollAsync();
            Assert.Equal(HttpStatusCode.OK, status);
            var batch = body["activities"]!.Cast<JObject>().ToList();
            read.AddRange(batch);
            Watermark = body.Value<string>("watermark") ?? Watermark;
            if (batch.Any(done)) return read;
            await Task.Delay(100);
        }
        throw new TimeoutException("no matching activity; read: " + string.Join(" | ", read.Select(a => $"{a["type"]}: {a["text"]}")));
    }

    /// <summary>The next message from the bot.</summary>
    public async Task<JObject> BotMessageAsync()
    {
        var read = await ReadUntilAsync(IsBotMessage);
        return read.Last(IsBotMessage);
    }

    /// <summary>The bot's message answering the activity with <paramref name="id"/>.</summary>
    public async Task<JObject> AnswerToAsync(string id) =>
        (await ReadUntilAsync(a => IsBotMessage(a) && a.Value<string>("replyToId") == id)).Last(a => IsBotMessage(a) && a.Value<string>("replyToId") == id);

    public void UseToken(string token) => Token = token;

    public static bool IsBotMessage(JObject a) => a.Value<string>("type") == "message" && a["from"]?.Value<string>("role") == "bot";

    public static JObject Message(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JObject { ["id"] = "r_someone", ["name"] = "Pat", ["role"] = "user" },
        ["locale"] = "en-US",
        ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId },
    };

    public static JObject Event(string name, JObject value) => new()
    {
        ["type"] = "event",
        ["name"] = name,
        ["value"] = value,
        ["from"] = new JObject { ["id"] = "r_someone", ["role"] = "user" },
        ["channelData"] = new JObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
    };

    private async Task<(HttpStatusCode, JObject)> SendAsync(HttpMethod method, string path, JObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null) request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JObject() : JObject.Parse(text));
    }
}
