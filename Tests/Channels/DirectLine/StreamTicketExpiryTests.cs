using System.Net.WebSockets;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>Tokens living an hour, on a clock the tests move: what expires first is the stream address's ticket.</summary>
public sealed class LongTokensHost() : ClockHost(new Dictionary<string, string?>
{
    ["DirectLine:Local:TokenLifetimeSeconds"] = "3600",
});

/// <summary>A stream address not opened within a minute is refused; the token it stood for gets a new one.</summary>
public class StreamTicketExpiryTests(LongTokensHost host) : IClassFixture<LongTokensHost>
{
    [Fact]
    public async Task An_address_opened_after_its_minute_is_refused_and_a_fresh_one_opens()
    {
        var chat = await OpenAsync(host.Http());
        var (_, started) = await chat.StartAsync();

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var late = await Assert.ThrowsAsync<WebSocketException>(() => StreamTests.ConnectAsync(started.Value<string>("streamUrl")!));
        var (_, reconnected) = await chat.ReconnectAsync("0");
        using var fresh = await StreamTests.ConnectAsync(reconnected.Value<string>("streamUrl")!);

        Assert.Contains("403", late.Message);
        Assert.Equal(WebSocketState.Open, fresh.State);
    }
}
