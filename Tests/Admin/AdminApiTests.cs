using System.Net;
using MagLearn.Bot.Privacy;
using MagLearn.Tests.ScaleOut;
using MagLearn.Tests.Storage;
using MagLearn.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Admin;

/// <summary>
/// One conversation that ended with a hand-off to support, on a host with an admin key, read back the way a
/// support tool reads it.
/// </summary>
public sealed class HandedOffConversation : IAsyncLifetime
{
    public const string Key = "test-admin-key-0123456789";

    private readonly TempSqliteFile file = new();
    private StubChannel channel = null!;

    public StoredHost Host { get; private set; } = null!;
    public ChannelConversation Chat { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = StoredHost.OnSqlite(file.Path, ("Admin:ApiKey", Key));
        channel = await StubChannel.StartAsync();
        Chat = channel.Conversation(Host.CreateClient());
        await Chat.SaysAsync("talk to a person");
        await Chat.SaysAsync("yes");
        await Chat.SaysAsync("smithj_1234");
        await Chat.SaysAsync("EXO4711");
        var last = await Chat.SaysAsync("my one time code 482913 is refused with error 2035");
        Assert.NotNull(last.Event("handoff"));
    }

    public async Task<HttpResponseMessage> GetAsync(string conversationId, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/api/conversations/{Uri.EscapeDataString(conversationId)}/transcript");
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await Host.CreateClient().SendAsync(request);
    }

    /// <summary>The transcript of the last turn is written just after it; wait until the hand-off event is in.</summary>
    public async Task<JObject> ReadAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var body = JObject.Parse(await (await GetAsync(Chat.Id, Key)).Content.ReadAsStringAsync());
            var done = body["transcript"]!.Any(a => (string?)a["type"] == "event" && (string?)a["name"] == "handoff");
            if (done || DateTime.UtcNow > deadline) return body;
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await Host.DisposeAsync();
        file.Dispose();
    }
}

public class AdminApiTests(HandedOffConversation conversation) : IClassFixture<HandedOffConversation>
{
    [Fact]
    public async Task Without_the_key_the_transcript_is_refused_with_401()
    {
        var response = await conversation.GetAsync(conversation.Chat.Id, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_a_wrong_key_the_transcript_is_refused_with_401()
    {
        var response = await conversation.GetAsync(conversation.Chat.Id, HandedOffConversation.Key + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_refusal_says_why_in_json_and_shows_nothing_of_the_conversation()
    {
        var response = await conversation.GetAsync(conversation.Chat.Id, "guess");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("X-Api-Key", (string?)JObject.Parse(body)["error"]);
        Assert.DoesNotContain("smithj_1234", body);
    }

    [Fact]
    public async Task With_the_key_the_transcript_is_returned_and_not_cached()
    {
        var response = await conversation.GetAsync(conversation.Chat.Id, HandedOffConversation.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_transcript_has_both_sides_in_the_order_they_were_said()
    {
        var body = await conversation.ReadAsync();
        var messages = body["transcript"]!.Where(a => (string?)a["type"] == "message").ToList();

        Assert.Equal(conversation.Chat.Id, (string?)body["conversationId"]);
        Assert.Equal("webchat", (string?)body["channelId"]);
        Assert.Equal("talk to a person", (string?)messages[0]["text"]);
        Assert.Equal("user", (string?)messages[0]["from"]!["role"]);
        Assert.Contains(messages, m => (string?)m["from"]!["role"] == "bot");
        var userWords = messages.Where(m => (string?)m["from"]!["role"] == "user").Select(m => (string?)m["text"]).ToList();
        Assert.Equal(["talk to a person", "yes", "smithj_1234", "EXO4711"], userWords.Take(4));
    }

    [Fact]
    public async Task The_hand_off_summary_comes_with_the_details_the_person_gave()
    {
        var body = await conversation.ReadAsync();
        var handoff = body["handoff"]!;

        Assert.Equal("support-handoff", (string?)handoff["flow"]);
        Assert.Equal("smithj_1234", (string?)handoff["details"]!["account"]);
        Assert.Equal("EXO4711", (string?)handoff["details"]!["organization-id"]);
    }

    [Fact]
    public async Task The_one_time_code_is_neither_in_the_transcript_nor_in_the_summary()
    {
        var body = await conversation.ReadAsync();

        Assert.DoesNotContain("482913", body.ToString());
        Assert.Contains(SecretRedactor.Mask, body["transcript"]!.ToString());
    }

    [Fact]
    public async Task An_unknown_conversation_is_404()
    {
        var response = await conversation.GetAsync("no-such-conversation", HandedOffConversation.Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public class AdminApiWithoutKeyTests
{
    [Fact]
    public async Task With_no_key_configured_every_request_is_refused_with_401_even_one_with_a_key()
    {
        using var host = StoredHost.With(("Storage:Kind", "Memory"), ("Admin:ApiKey", ""));
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/conversations/any/transcript");
        request.Headers.Add("X-Api-Key", "");

        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void A_key_too_short_to_be_safe_stops_the_host_naming_the_setting()
    {
        using var host = StoredHost.With(("Storage:Kind", "Memory"), ("Admin:ApiKey", "short"));

        var failure = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Admin:ApiKey", failure.ToString());
    }
}
