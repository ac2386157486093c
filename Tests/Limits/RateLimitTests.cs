using System.Text.Json;
using MagLearn.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace MagLearn.Tests.Limits;

/// <summary>
/// Each client address, and each conversation, gets a bounded share of the bot: past it, a 429 that says when to
/// come back (<c>Retry-After</c>), and nothing else happens. Limits as set by <see cref="LimitedHost"/>.
/// </summary>
[Collection(LimitedHostCollection.Name)]
public class RateLimitTests(LimitedHost host)
{
    private Microsoft.AspNetCore.TestHost.TestServer Server
    {
        get
        {
            _ = host.CreateClient();
            return host.Server;
        }
    }

    [Fact]
    public async Task Asking_past_the_limit_gets_429_with_when_to_come_back()
    {
        var answers = new List<CallerAt.Answer>();
        for (var i = 0; i < 4; i++) answers.Add(await Server.SendAsync("203.0.113.10", "GET", "/api/ask?q=invoice"));

        Assert.Equal([200, 200, 200, 429], answers.Select(a => a.Status));
        AssertToldWhenToComeBack(answers[^1]);
        Assert.Equal(JsonValueKind.String, JsonDocument.Parse(answers[^1].Body).RootElement.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task One_address_past_its_limit_does_not_slow_another()
    {
        for (var i = 0; i < 4; i++) await Server.SendAsync("203.0.113.11", "GET", "/api/ask?q=invoice");

        var other = await Server.SendAsync("203.0.113.12", "GET", "/api/ask?q=invoice");

        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task A_forwarded_header_from_a_caller_that_is_no_proxy_changes_nothing()
    {
        var forged = new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.99" };
        var answers = new List<int>();
        for (var i = 0; i < 4; i++) answers.Add((await Server.SendAsync("203.0.113.13", "GET", "/api/ask?q=invoice", headers: forged)).Status);

        var theAddressNamed = await Server.SendAsync("203.0.113.99", "GET", "/api/ask?q=invoice");

        Assert.Equal([200, 200, 200, 429], answers);
        Assert.Equal(200, theAddressNamed.Status);
    }

    [Fact]
    public async Task A_conversation_past_its_limit_gets_429_and_the_turn_does_not_run()
    {
        const string caller = "198.51.100.20";
        var conversation = "conv-" + Guid.NewGuid().ToString("N")[..8];

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++) statuses.Add((await PostMessageAsync(caller, conversation, $"how do I pay an invoice? {i}")).Status);
        var refused = await PostMessageAsync(caller, conversation, "one more");
        var another = await PostMessageAsync("198.51.100.22", "conv-" + Guid.NewGuid().ToString("N")[..8], "how do I pay an invoice?");

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(429, refused.Status);
        AssertToldWhenToComeBack(refused);
        Assert.Equal(200, another.Status);
        var kept = await host.Services.GetRequiredService<MagLearn.Bot.Transcripts.ITranscriptArchive>().ReadAsync(conversation);
        Assert.DoesNotContain(kept, entry => entry.Activity.Contains("one more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_past_its_channel_limit_gets_429_whatever_the_conversation()
    {
        const string caller = "198.51.100.21";
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++) statuses.Add((await PostMessageAsync(caller, "conv-" + Guid.NewGuid().ToString("N")[..8], "hello")).Status);

        Assert.Equal([200, 200, 200, 200, 429], statuses);
    }

    [Fact]
    public async Task Posting_to_a_direct_line_conversation_past_its_limit_gets_direct_lines_own_429()
    {
        const string caller = "203.0.113.30";
        var session = JsonDocument.Parse((await Server.SendAsync(caller, "POST", "/api/webchat/token")).Body).RootElement;
        var token = session.GetProperty("token").GetString()!;
        var conversation = session.GetProperty("conversationId").GetString()!;
        var bearer = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        Assert.Equal(201, (await Server.SendAsync(caller, "POST", "/v3/directline/conversations", "{}", bearer)).Status);

        var statuses = new List<int>();
        CallerAt.Answer last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await Server.SendAsync(caller, "POST", $"/v3/directline/conversations/{conversation}/activities",
                $"{{\"type\": \"message\", \"text\": \"hello {i}\", \"from\": {{\"id\": \"x\"}}}}", bearer);
            statuses.Add(last.Status);
        }

        Assert.Equal([200, 200, 429], statuses);
        AssertToldWhenToComeBack(last);
        Assert.Equal("TooManyRequests", JsonDocument.Parse(last.Body).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Asking_for_tokens_past_the_limit_gets_429()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++) statuses.Add((await Server.SendAsync("203.0.113.40", "POST", "/api/webchat/token")).Status);

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task Refreshing_a_token_counts_against_the_same_limit()
    {
        const string caller = "203.0.113.41";
        var token = JsonDocument.Parse((await Server.SendAsync(caller, "POST", "/api/webchat/token")).Body).RootElement.GetProperty("token").GetString()!;
        var bearer = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };

        var statuses = new List<int>();
        for (var i = 0; i < 2; i++) statuses.Add((await Server.SendAsync(caller, "POST", "/v3/directline/tokens/refresh", null, bearer)).Status);

        Assert.Equal([200, 429], statuses);
    }

    [Fact]
    public async Task The_admin_api_is_limited_and_every_call_leaves_an_audit_line_without_the_key()
    {
        const string caller = "203.0.113.50";
        var key = new Dictionary<string, string> { ["X-Api-Key"] = LimitedHost.AdminKey };
        var statuses = new List<int>();
        statuses.Add((await Server.SendAsync(caller, "GET", "/admin/api/conversations/nobody/transcript", headers: key)).Status);
        statuses.Add((await Server.SendAsync(caller, "GET", "/admin/api/conversations/nobody/transcript",
            headers: new Dictionary<string, string> { ["X-Api-Key"] = "a-wrong-key-of-some-length" })).Status);
        statuses.Add((await Server.SendAsync(caller, "GET", "/admin/api/conversations/nobody/transcript", headers: key)).Status);

        Assert.Equal([404, 401, 429], statuses);
        var audit = host.Logs.Entries.Where(e => e.Message.StartsWith("Admin audit:", StringComparison.Ordinal) && e.Message.Contains(caller)).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, e => e.Message.Contains("GET /admin/api/conversations/nobody/transcript: allowed"));
        Assert.Contains(audit, e => e.Message.Contains("refused: wrong key"));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(LimitedHost.AdminKey) || e.Message.Contains("a-wrong-key-of-some-length"));
    }

    private static void AssertToldWhenToComeBack(CallerAt.Answer answer)
    {
        Assert.True(int.TryParse(answer.Headers.RetryAfter.ToString(), out var seconds), $"Retry-After: '{answer.Headers.RetryAfter}'");
        Assert.InRange(seconds, 1, 60);
    }

    private Task<CallerAt.Answer> PostMessageAsync(string caller, string conversation, string text) =>
        Server.SendAsync(caller, "POST", "/api/messages", JsonConvert.SerializeObject(new Activity
        {
            Type = ActivityTypes.Message,
            Id = "m-" + Guid.NewGuid().ToString("N")[..8],
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            DeliveryMode = DeliveryModes.ExpectReplies,
            Text = text,
            From = new ChannelAccount("user-1", "Pat"),
            Recipient = new ChannelAccount("maglearn-bot", "MagLearn Bot"),
            Conversation = new ConversationAccount(id: conversation),
        }));
}
