using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using MagLearn.Tests.ScaleOut;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagLearn.Tests.Hosting.Authentication;

/// <summary>
/// <c>/api/messages</c> of a registered bot: only a channel token the Bot Framework's keys signed, for this bot, not
/// expired, naming the activity's service URL, runs a turn. Everything else is a 401 and leaves no trace; keys that
/// cannot be fetched refuse every request (never a 500, never let through) and the log says why.
/// </summary>
[Collection(AuthenticatedBotsCollection.Name)]
public class AuthenticatedModeTests(AuthenticatedBots bots)
{
    [Fact]
    public async Task A_valid_channel_token_is_admitted_and_the_question_answered()
    {
        var activity = Question();

        var response = await PostAsync(bots.Bot, activity, Bearer(bots.Issuer.Mint(AuthenticatedBots.AppId, activity.ServiceUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(replies.Activities, reply => reply.Text?.Contains("/learn/billing-support#") == true);
        Assert.True(await HasTranscriptAsync(bots.Bot, activity), "an admitted turn is kept in the transcript");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:6379/")]
    [InlineData("https://attacker.example/botframework.com/")]
    public async Task A_valid_token_naming_an_address_that_is_no_channel_is_refused_before_any_turn(string serviceUrl)
    {
        var activity = Question();
        activity.ServiceUrl = serviceUrl;

        var response = await PostAsync(bots.Bot, activity, Bearer(bots.Issuer.Mint(AuthenticatedBots.AppId, serviceUrl)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await HasTranscriptAsync(bots.Bot, activity));
    }

    public static TheoryData<string> Refused => new(RefusedHeaders.Keys);

    private static readonly Dictionary<string, Func<ChannelTokenIssuer, Activity, string?>> RefusedHeaders = new()
    {
        ["no Authorization header"] = (_, _) => null,
        ["an empty bearer"] = (_, _) => "Bearer ",
        ["another scheme"] = (issuer, a) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:" + issuer.Mint(AuthenticatedBots.AppId, a.ServiceUrl))),
        ["a malformed token"] = (_, _) => "Bearer not.a-jwt",
        ["random bytes"] = (_, _) => "Bearer " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(300)),
        ["a token signed by an unknown key under the known key id"] = (issuer, a) =>
            Bearer(issuer.Mint(AuthenticatedBots.AppId, a.ServiceUrl, signedWith: RSA.Create(2048))),
        ["a token signed by an unknown key id"] = (issuer, a) =>
            Bearer(issuer.Mint(AuthenticatedBots.AppId, a.ServiceUrl, signedWith: RSA.Create(2048), keyId: "someone-elses-key")),
        ["a token for another bot"] = (issuer, a) => Bearer(issuer.Mint("8b0f2c1e-0000-4000-8000-000000000000", a.ServiceUrl)),
        ["a token from another issuer"] = (issuer, a) => Bearer(issuer.Mint(AuthenticatedBots.AppId, a.ServiceUrl, issuer: "https://evil.example.com")),
        ["an expired token"] = (issuer, a) => Bearer(issuer.Mint(AuthenticatedBots.AppId, a.ServiceUrl, expires: DateTime.UtcNow.AddHours(-1))),
        ["a token for another service URL"] = (issuer, a) => Bearer(issuer.Mint(AuthenticatedBots.AppId, "https://smba.trafficmanager.net/emea/")),
        ["a token with its signature cut off"] = (issuer, a) =>
            Bearer(string.Join('.', issuer.Mint(AuthenticatedBots.AppId, a.ServiceUrl).Split('.')[..2]) + "."),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_request_without_a_valid_channel_token_gets_401_and_runs_no_turn(string problem)
    {
        var activity = Question();

        var response = await PostAsync(bots.Bot, activity, RefusedHeaders[problem](bots.Issuer, activity));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await HasTranscriptAsync(bots.Bot, activity), "a refused request must leave no transcript");
    }

    [Fact]
    public async Task A_refused_request_is_not_read_as_an_activity_first()
    {
        // Not even JSON: without a token, the body is never looked at.
        using var content = new StringContent("{\"type\": \"message\", \"text\": ", Encoding.UTF8, "application/json");

        var response = await bots.Bot.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_the_channel_keys_every_request_is_refused_and_the_log_says_why()
    {
        var activity = Question();

        var response = await PostAsync(bots.WithoutKeys, activity, Bearer(bots.Issuer.Mint(AuthenticatedBots.AppId, activity.ServiceUrl)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.False(await HasTranscriptAsync(bots.WithoutKeys, activity));
        await WaitForAsync(() => bots.WithoutKeys.Output.Contains("channel's token could not be checked", StringComparison.Ordinal));
        Assert.Contains("openidconfiguration", bots.WithoutKeys.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static async Task<HttpResponseMessage> PostAsync(BotProcess bot, Activity activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await bot.Client.SendAsync(request);
    }

    private static async Task<bool> HasTranscriptAsync(BotProcess bot, Activity activity)
    {
        // Transcripts are written after the turn, not waited for.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"/admin/api/conversations/{activity.Conversation.Id}/transcript?channelId={activity.ChannelId}");
            request.Headers.Add("X-Api-Key", AuthenticatedBots.AdminKey);
            var response = await bot.Client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK) return true;
            if (response.StatusCode != HttpStatusCode.NotFound) throw new InvalidOperationException($"admin API: {(int)response.StatusCode}");
            await Task.Delay(50);
        }
        return false;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++) await Task.Delay(50);
        Assert.True(condition());
    }

    private static Activity Question() => new()
    {
        Type = ActivityTypes.Message,
        Id = "m-" + Guid.NewGuid().ToString("N")[..8],
        ChannelId = "webchat",
        ServiceUrl = AuthenticatedBots.ServiceUrl,
        DeliveryMode = DeliveryModes.ExpectReplies,
        Text = "how do I pay an invoice?",
        From = new ChannelAccount("user-1", "Pat"),
        Recipient = new ChannelAccount(AuthenticatedBots.AppId, "MagLearn Bot"),
        Conversation = new ConversationAccount(id: "conv-" + Guid.NewGuid().ToString("N")[..8]),
        Timestamp = DateTimeOffset.UtcNow,
    };
}
