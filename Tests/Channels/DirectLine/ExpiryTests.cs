using System.Net;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>A host whose Direct Line tokens live three seconds, so expiry can be watched happen.</summary>
public sealed class ShortTokenHost() : ChannelsHost(new Dictionary<string, string?> { ["DirectLine:Local:TokenLifetimeSeconds"] = "3" });

/// <summary>Tokens expire: then the conversation and a refresh are refused with Direct Line's <c>TokenExpired</c>.</summary>
public class ExpiryTests(ShortTokenHost host) : IClassFixture<ShortTokenHost>
{
    private readonly HttpClient http = host.Http();

    [Fact]
    public async Task An_expired_token_is_refused_as_expired_and_cannot_be_refreshed()
    {
        var chat = await DirectLineConversationClient.StartedAsync(http);
        Assert.Equal(HttpStatusCode.OK, (await chat.PollAsync()).Status);

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var (polled, body) = await chat.PollAsync();
        var (refreshed, _) = await chat.RefreshAsync();

        Assert.Equal(HttpStatusCode.Forbidden, polled);
        Assert.Equal("TokenExpired", body["error"]!.Value<string>("code"));
        Assert.Equal(HttpStatusCode.Forbidden, refreshed);
    }

    [Fact]
    public async Task A_token_refreshed_before_it_expires_lives_longer_than_the_first()
    {
        var chat = await DirectLineConversationClient.StartedAsync(http);
        var first = Expiry(chat.Token);

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var (_, refreshed) = await chat.RefreshAsync();
        chat.UseToken(refreshed.Value<string>("token")!);

        Assert.True(Expiry(chat.Token) > first, "the refreshed token expires later");
        Assert.Equal(HttpStatusCode.OK, (await chat.PollAsync()).Status);
    }

    private static long Expiry(string token) =>
        JObject.Parse(System.Text.Encoding.UTF8.GetString(TokenTests.Base64Url(token.Split('.')[1]))).Value<long>("exp");
}
