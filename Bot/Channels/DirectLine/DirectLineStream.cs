using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// E8, the WebSocket stream: each text frame is an <c>ActivitySet</c>, starting with what the client has not seen
/// (the welcome sent while the conversation started, or everything after a reconnect's watermark). Browsers cannot
/// put a token in a WebSocket's headers, so the address carries a one-time ticket for it (<c>?ticket=</c>,
/// <see cref="DirectLineStreamTickets"/>), never the token itself. One stream per conversation: a new one closes
/// the old with <c>collision</c>. Frames from the client are read and ignored.
/// A stream lives no longer than the token that opened it, nor than its conversation: then it is closed with
/// <c>expired</c>, and the client reconnects with its refreshed token or starts anew.
/// </summary>
internal sealed class DirectLineStream(DirectLineTokens tokens, DirectLineStreamTickets tickets, DirectLineConversations conversations,
    IOptions<DirectLineOptions> options, TimeProvider clock)
{
    /// <summary>An empty frame now and then keeps proxies from closing an idle socket; directlinejs ignores it.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public static string UrlFor(HttpRequest request, string conversationId, string ticket, int watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}{DirectLineApi.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream" +
               $"?watermark={watermark}&ticket={Uri.EscapeDataString(ticket)}";
    }

    public async Task<IResult> AcceptAsync(string conversationId, string? ticket, string? watermark, HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            return DirectLineErrors.Refuse(StatusCodes.Status400BadRequest, "BadArgument", "the stream is a WebSocket");
        if (tickets.Redeem(ticket) is not { } token)
            return DirectLineErrors.Refuse(StatusCodes.Status403Forbidden, "TokenInvalid",
                "the stream address is used or expired: ask for a new one (GET the conversation)");
        var (caller, refusal) = await DirectLineCaller.ReadAsync(http.Request, tokens, options, streamToken: token);
        if (refusal is not null) return refusal;
        if (!caller!.MayOpen(conversationId)) return DirectLineErrors.NotYours();
        var conversation = conversations.Find(conversationId);
        if (conversation is null) return DirectLineErrors.NotFound(conversationId);

        var end = conversation.Started + conversations.MaxLifetime;
        if (caller.Expires is { } expires && expires < end) end = expires;
        using var expiry = new CancellationTokenSource(Max(end - clock.GetUtcNow(), TimeSpan.Zero), clock);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, expiry.Token);
        TakeOver(Interlocked.Exchange(ref conversation.StreamSlot, mine));
        // Reading has its own token: cancelling a pending receive would abort the socket instead of closing it.
        var reading = ReadUntilClosedAsync(socket, mine, http.RequestAborted);
        try
        {
            await SendAsync(socket, conversation, DirectLineApi.Watermark(watermark), clock, mine.Token);
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        var replaced = Interlocked.CompareExchange(ref conversation.StreamSlot, null, mine) != mine;
        await CloseAsync(socket, replaced ? "collision" : expiry.IsCancellationRequested ? "expired" : null);
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(2)));
        return Results.Empty;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void TakeOver(CancellationTokenSource? previous)
    {
        try { previous?.Cancel(); }
        catch (ObjectDisposedException) { } // that stream had just ended by itself
    }

    private static async Task SendAsync(WebSocket socket, DirectLineConversation conversation, int watermark, TimeProvider clock, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var changed = conversation.Changed;
            var (activities, next) = conversation.After(watermark);
            if (activities.Count > 0)
            {
                await SendTextAsync(socket, DirectLineApi.ActivitySet(activities, next), ct);
                watermark = next;
                continue;
            }
            // WaitAsync drops its timer as soon as the conversation changes. A Task.Delay raced against the change
            // would stay armed for the whole keep-alive, one per activity sent: under load, hundreds of thousands of
            // timers and cancellation registrations, and over 300 MiB.
            try
            {
                await changed.WaitAsync(KeepAlive, clock, ct);
            }
            catch (TimeoutException)
            {
                await SendTextAsync(socket, [], ct);
            }
        }
    }

    private static async Task ReadUntilClosedAsync(WebSocket socket, CancellationTokenSource stop, CancellationToken aborted)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var frame = await socket.ReceiveAsync(buffer, aborted);
                if (frame.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static Task SendTextAsync(WebSocket socket, byte[] utf8, CancellationToken ct) =>
        socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, ct);

    private static async Task CloseAsync(WebSocket socket, string? reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
    }
}
