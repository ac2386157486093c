using MagLearn.Tests.Support;
using Microsoft.Bot.Schema;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace MagLearn.Tests.Storage;

/// <summary>
/// Redis runs noeviction: a key without an expiry holds memory until someone deletes it, and nobody would. So every
/// key the bot writes has one, and settings that would write one without it stop the host.
/// </summary>
[Collection(RedisCollection.Name)]
public class RedisExpiryTests(RedisServer redis, ITestOutputHelper output)
{
    [Fact]
    public async Task After_answers_a_flow_and_a_hand_off_every_key_the_bot_wrote_expires()
    {
        var connection = redis.NewDatabase();
        using var host = StoredHost.With(("Storage:Kind", "Redis"), ("Storage:Redis", connection));
        var http = host.CreateClient();
        var conversation = "expiry-" + Guid.NewGuid().ToString("N")[..8];

        foreach (var text in new[] { "how do I pay an invoice?", "I forgot my password", "no", "Yes, but it didn't work", "no", "no", "no" })
        {
            using var body = new StringContent(Newtonsoft.Json.JsonConvert.SerializeObject(Message(conversation, text)), System.Text.Encoding.UTF8, "application/json");
            var response = await http.PostAsync("/api/messages", body);
            Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");
        }

        using var client = await ConnectionMultiplexer.ConnectAsync(connection);
        var db = client.GetDatabase();
        var keys = client.GetServer(client.GetEndPoints()[0]).Keys(db.Database).ToList();
        var lives = keys.ToDictionary(k => (string)k!, k => db.KeyTimeToLive(k));
        foreach (var key in keys) output.WriteLine($"{key}: {db.Execute("MEMORY", "USAGE", key)} bytes, expires in {lives[key!]}");

        Assert.Contains(lives.Keys, k => k.StartsWith("maglearn:state:", StringComparison.Ordinal));
        Assert.Contains(lives.Keys, k => k.StartsWith("maglearn:transcript:", StringComparison.Ordinal));
        Assert.All(lives, live => Assert.True(live.Value > TimeSpan.Zero, $"{live.Key} never expires"));
    }

    [Theory]
    [InlineData("Storage:IdleExpiry", "Storage:IdleExpiry must be more than zero with Redis")]
    [InlineData("Transcripts:Retention", "Transcripts:Retention must be more than zero with Redis")]
    public void Settings_that_would_keep_a_key_for_ever_stop_the_host(string setting, string problem)
    {
        using var host = StoredHost.With(("Storage:Kind", "Redis"), ("Storage:Redis", redis.NewDatabase()), (setting, "00:00:00"));

        var failure = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains(problem, failure.ToString());
    }

    private static Activity Message(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = "http://127.0.0.1:9/",
        DeliveryMode = DeliveryModes.ExpectReplies,
        Text = text,
        From = new ChannelAccount("user-" + conversation, "Pat"),
        Recipient = new ChannelAccount("maglearn-bot", "MagLearn Bot"),
        Conversation = new ConversationAccount(id: conversation),
    };
}
