using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json.Linq;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>The WebSocket stream (Web Chat's default transport): activity sets pushed as they happen.</summary>
[Collection(ChannelsCollection.Name)]
public class StreamTests(ChannelsHost host)
{
    private readonly HttpClient http = host.Http();

    [Fact]
    public async Task The_stream_replays_the_welcome_sent_before_it_opened()
    {
        var chat = await OpenAsync(http);
        var (_, started) = await chat.StartAsync();
        await chat.BotMessageAsync();

        using var socket = await ConnectAsync(started.Value<string>("streamUrl")!);

        Assert.Contains(await ReceiveUntilAsync(socket, IsBotMessage), a => a.Value<string>("text")!.Contains("not a person"));
    }

    [Fact]
    public async Task A_posted_message_and_its_answer_arrive_on_the_stream()
    {
        var chat = await OpenAsync(http);
        var (_, started) = await chat.StartAsync();
        using var socket = await ConnectAsync(started.Value<string>("streamUrl")!);
        await ReceiveUntilAsync(socket, IsBotMessage);

        var id = await chat.SaysAsync("how do I pay an invoice?", "ws-1");
        var read = await ReceiveUntilAsync(socket, a => IsBotMessage(a) && a.Value<string>("replyToId") == id);

        Assert.Contains(read, a => a["channelData"]?.Value<string>("clientActivityID") == "ws-1" && a.Value<string>("id") == id);
        Assert.Contains("/learn/billing-support#", read.Last().Value<string>("text"));
    }

    [Fact]
    public async Task A_reconnect_stream_starts_after_its_watermark()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();
        var id = await chat.SaysAsync("hello");
        await chat.ReadUntilAsync(a => IsBotMessage(a) && a.Value<string>("replyToId") == id);

        var (_, reconnect) = await chat.ReconnectAsync(chat.Watermark);
        using var socket = await ConnectAsync(reconnect.Value<string>("streamUrl")!);
        var next = await chat.SaysAsync("thanks");
        var first = (await ReceiveUntilAsync(socket, _ => true)).First();

        Assert.Equal(next, first.Value<string>("id"));
    }

    [Fact]
    public async Task A_second_stream_of_the_same_conversation_closes_the_first()
    {
        var chat = await OpenAsync(http);
        var (_, started) = await chat.StartAsync();
        using var first = await ConnectAsync(started.Value<string>("streamUrl")!);
        await ReceiveUntilAsync(first, IsBotMessage);

        // A second tab, or directlinejs reconnecting: each asks for an address of its own.
        var (_, reconnected) = await chat.ReconnectAsync("0");
        using var second = await ConnectAsync(reconnected.Value<string>("streamUrl")!);
        await ClosedAsync(first);

        Assert.Equal("collision", first.CloseStatusDescription);
    }

    [Fact]
    public async Task A_stream_address_with_another_conversations_token_is_refused()
    {
        var mine = await OpenAsync(http);
        var theirs = await OpenAsync(http);
        var (_, started) = await mine.StartAsync();
        var stolen = started.Value<string>("streamUrl")!.Replace(mine.ConversationId, theirs.ConversationId);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(stolen));

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task A_stream_address_carries_a_ticket_for_one_use_never_the_token()
    {
        var chat = await OpenAsync(http);
        var (_, started) = await chat.StartAsync();
        var address = started.Value<string>("streamUrl")!;

        using var first = await ConnectAsync(address);
        var replayed = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(address));

        Assert.DoesNotContain(chat.Token, address);
        Assert.DoesNotContain(started.Value<string>("token")!, address);
        Assert.Matches(@"/stream\?watermark=\d+&ticket=[A-Za-z0-9_-]{43}$", address);
        Assert.Contains("403", replayed.Message);
    }

    /// <summary>Reads (and drops) frames until the server closes the socket, for at most ten seconds.</summary>
    internal static async Task ClosedAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        WebSocketReceiveResult frame;
        using var failSafe = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        do frame = await socket.ReceiveAsync(buffer, failSafe.Token);
        while (frame.MessageType != WebSocketMessageType.Close);
    }

    internal static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return socket;
    }

    /// <summary>Reads activity sets until an activity matches; empty keep-alive frames are skipped, as directlinejs does.</summary>
    internal static async Task<IReadOnlyList<JObject>> ReceiveUntilAsync(ClientWebSocket socket, Func<JObject, bool> done)
    {
        var read = new List<JObject>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult part;
            do
            {
                part = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, part.Count);
            } while (!part.EndOfMessage);
            if (part.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("the stream closed");
            var text = Encoding.UTF8.GetString(frame.ToArray());
            if (text.Length == 0) continue;
            var batch = JObject.Parse(text)["activities"]!.Cast<JObject>().ToList();
            read.AddRange(batch);
            if (batch.Any(done)) return read;
        }
    }
}
