using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>The page's token endpoint and the local Direct Line's tokens: one conversation each, refreshable.</summary>
[Collection(ChannelsCollection.Name)]
public class TokenTests(ChannelsHost host)
{
    private readonly HttpClient http = host.Http();

    [Fact]
    public async Task The_token_endpoint_answers_token_conversation_user_and_lifetime_and_is_never_cached()
    {
        var response = await http.PostAsync("api/webchat/token", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.Value<string>("token")));
        Assert.False(string.IsNullOrEmpty(body.Value<string>("conversationId")));
        Assert.Matches("^dl_[0-9a-f]{32}$", body.Value<string>("userId"));
        Assert.Equal(1800, body.Value<int>("expires_in"));
        Assert.Equal(host.DirectLineUrl, body.Value<string>("domain"));
    }

    [Fact]
    public async Task The_token_carries_its_conversation_and_user_so_web_chat_takes_the_user_id_from_it()
    {
        var client = await DirectLineConversationClient.OpenAsync(http);

        var payload = JObject.Parse(Encoding.UTF8.GetString(Base64Url(client.Token.Split('.')[1])));

        Assert.Equal(client.ConversationId, payload.Value<string>("conv"));
        Assert.Equal(client.UserId, payload.Value<string>("user"));
        Assert.True(payload.Value<long>("exp") > DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1700);
    }

    [Fact]
    public async Task The_secret_is_not_in_the_page_or_the_token_answer()
    {
        var page = await http.GetStringAsync("/");
        var answer = await (await http.PostAsync("api/webchat/token", null)).Content.ReadAsStringAsync();

        Assert.DoesNotContain(ChannelsHost.Secret, page);
        Assert.DoesNotContain(ChannelsHost.Secret, answer);
    }

    [Fact]
    public async Task Two_visitors_get_two_conversations_and_two_users()
    {
        var first = await DirectLineConversationClient.OpenAsync(http);
        var second = await DirectLineConversationClient.OpenAsync(http);

        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.UserId, second.UserId);
    }

    [Fact]
    public async Task A_token_opens_only_its_own_conversation()
    {
        var mine = await DirectLineConversationClient.StartedAsync(http);
        var theirs = await DirectLineConversationClient.StartedAsync(http);

        Assert.Equal(HttpStatusCode.Forbidden, (await mine.PollAsync("", theirs.ConversationId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.PostAsync(DirectLineConversationClient.Message("hello", "c1"), theirs.ConversationId)).Status);
        var reconnect = new DirectLineConversationClient(http, mine.Token, theirs.ConversationId, mine.UserId);
        Assert.Equal(HttpStatusCode.Forbidden, (await reconnect.ReconnectAsync("0")).Status);
    }

    [Fact]
    public async Task Starting_with_a_token_starts_that_tokens_conversation_once()
    {
        var client = await DirectLineConversationClient.OpenAsync(http);

        var (first, started) = await client.StartAsync();
        var (again, restarted) = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(client.ConversationId, started.Value<string>("conversationId"));
        Assert.Equal(client.ConversationId, restarted.Value<string>("conversationId"));
        Assert.False(string.IsNullOrEmpty(started.Value<string>("token")));
        Assert.StartsWith($"ws://{new Uri(host.BaseUrl).Authority}/v3/directline/conversations/{client.ConversationId}/stream?", started.Value<string>("streamUrl"));
    }

    [Fact]
    public async Task A_refreshed_token_opens_the_same_conversation()
    {
        var client = await DirectLineConversationClient.StartedAsync(http);

        var (status, refreshed) = await client.RefreshAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(client.ConversationId, refreshed.Value<string>("conversationId"));
        client.UseToken(refreshed.Value<string>("token")!);

        var id = await client.SaysAsync("how do I pay an invoice?");
        Assert.Contains("/learn/billing-support#", (await client.AnswerToAsync(id)).Value<string>("text"));
    }

    [Fact]
    public async Task Without_a_token_the_conversation_is_refused_and_with_a_forged_one_too()
    {
        var client = await DirectLineConversationClient.StartedAsync(http);
        var forged = client.Token[..^4] + (client.Token.EndsWith("AAAA") ? "BBBB" : "AAAA");

        var anonymous = await http.GetAsync($"v3/directline/conversations/{client.ConversationId}/activities?watermark=");
        client.UseToken(forged);
        var (status, body) = await client.PollAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("BadArgument", body["error"]!.Value<string>("code"));
    }

    [Fact]
    public async Task Tokens_generate_wants_the_secret_and_binds_the_user_it_is_given()
    {
        using var withoutSecret = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
        var client = await DirectLineConversationClient.OpenAsync(http);
        withoutSecret.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(withoutSecret)).StatusCode);

        using var withSecret = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate")
        {
            Content = new StringContent("""{"user": {"id": "dl_portal_user_42"}}""", Encoding.UTF8, "application/json"),
        };
        withSecret.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChannelsHost.Secret);
        var generated = JObject.Parse(await (await http.SendAsync(withSecret)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());

        var payload = JObject.Parse(Encoding.UTF8.GetString(Base64Url(generated.Value<string>("token")!.Split('.')[1])));
        Assert.Equal("dl_portal_user_42", payload.Value<string>("user"));
        Assert.Equal(generated.Value<string>("conversationId"), payload.Value<string>("conv"));
    }

    [Fact]
    public async Task The_secret_starts_a_new_conversation_each_time()
    {
        var bySecret = new DirectLineConversationClient(http, ChannelsHost.Secret, "", "");

        var (first, a) = await bySecret.StartAsync();
        var (second, b) = await bySecret.StartAsync();

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.Created, second);
        Assert.NotEqual(a.Value<string>("conversationId"), b.Value<string>("conversationId"));
    }

    internal static byte[] Base64Url(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
