using System.Net;
using Newtonsoft.Json.Linq;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>
/// Tokens living a minute in conversations living at most ten, on a clock the tests move: expiry happens when a
/// test says, not after a wait.
/// </summary>
public sealed class ShortLivesHost() : ClockHost(new Dictionary<string, string?>
{
    ["DirectLine:Local:TokenLifetimeSeconds"] = "60",
    ["DirectLine:Local:MaxConversationLifetimeSeconds"] = "600",
});

/// <summary>
/// Tokens expire: then the conversation and a refresh are refused with Direct Line's <c>TokenExpired</c>, and a
/// stream the token opened is closed. Refreshing keeps a conversation open, but never past its longest life.
/// </summary>
public class ExpiryTests(ShortLivesHost host) : IClassFixture<ShortLivesHost>
{
    private readonly HttpClient http = host.Http();

    [Fact]
    public async Task An_expired_token_is_refused_as_expired_and_cannot_be_refreshed()
    {
        var chat = await StartedAsync(http);
        Assert.Equal(HttpStatusCode.OK, (await chat.PollAsync()).Status);

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var (polled, body) = await chat.PollAsync();
        var (refreshed, _) = await chat.RefreshAsync();

        Assert.Equal(HttpStatusCode.Forbidden, polled);
        Assert.Equal("TokenExpired", body["error"]!.Value<string>("code"));
        Assert.Equal(HttpStatusCode.Forbidden, refreshed);
    }

    [Fact]
    public async Task A_token_refreshed_before_it_expires_lives_longer_than_the_first()
    {
        var chat = await StartedAsync(http);
        var first = Expiry(chat.Token);

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var (_, refreshed) = await chat.RefreshAsync();
        chat.UseToken(refreshed.Value<string>("token")!);
        host.Clock.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(first + 30, Expiry(chat.Token));
        Assert.Equal(HttpStatusCode.OK, (await chat.PollAsync()).Status);
    }

    [Fact]
    public async Task Refreshing_again_and_again_never_outlives_the_conversations_longest_life()
    {
        var chat = await StartedAsync(http);
        var end = Expiry(chat.Token) - 60 + 600;

        var lifetimes = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(55));
            var (status, refreshed) = await chat.RefreshAsync();
            if (status != HttpStatusCode.OK) break;
            chat.UseToken(refreshed.Value<string>("token")!);
            lifetimes.Add(refreshed.Value<int>("expires_in"));
            Assert.InRange(Expiry(chat.Token), 0, end);
        }
        host.Clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(60, lifetimes[0]);
        Assert.Equal(600 - 10 * 55, lifetimes[^1]);
        Assert.Equal(HttpStatusCode.Forbidden, (await chat.RefreshAsync()).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await chat.PollAsync()).Status);
    }

    [Fact]
    public async Task An_open_stream_is_closed_when_its_token_expires()
    {
        var chat = await OpenAsync(http);
        var (_, started) = await chat.StartAsync();
        using var socket = await StreamTests.ConnectAsync(started.Value<string>("streamUrl")!);
        await StreamTests.ReceiveUntilAsync(socket, IsBotMessage);

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        await StreamTests.ClosedAsync(socket);

        Assert.Equal("expired", socket.CloseStatusDescription);
    }

    private static long Expiry(string token) =>
        JObject.Parse(System.Text.Encoding.UTF8.GetString(TokenTests.Base64Url(token.Split('.')[1]))).Value<long>("exp");
}
