using System.Net;
using MagLearn.Tests.Knowledge.Search;
using MagLearn.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagLearn.Tests.Api;

/// <summary><c>POST /api/messages</c> as a channel calls it: bad bodies are turned away, real activities answered.</summary>
[Collection(HostCollection.Name)]
public class MessagesEndpointTests(MagLearnHost host)
{
    private readonly HttpClient client = host.CreateClient();

    /// <summary>Bodies a channel endpoint must turn away, by what is wrong with them.</summary>
    private static readonly Dictionary<string, string> MalformedBodies = new()
    {
        ["not JSON"] = "how do I pay an invoice?",
        ["truncated JSON"] = "{\"type\": \"message\", \"text\": ",
        ["empty"] = "",
        ["whitespace"] = "  \n ",
        ["JSON null"] = "null",
        ["JSON array"] = "[{\"type\": \"message\"}]",
        ["JSON without type"] = "{\"text\": \"hi\", \"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"http://127.0.0.1:9/\"}",
        ["empty type"] = "{\"type\": \"\", \"text\": \"hi\", \"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"http://127.0.0.1:9/\"}",
        ["no conversation"] = "{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"http://127.0.0.1:9/\"}",
        ["conversation not an object"] = "{\"type\": \"message\", \"conversation\": \"c1\", \"serviceUrl\": \"http://127.0.0.1:9/\"}",
        ["no serviceUrl"] = "{\"type\": \"message\", \"text\": \"hi\", \"conversation\": {\"id\": \"c1\"}}",
        ["serviceUrl not an address"] = "{\"type\": \"message\", \"text\": \"hi\", \"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"nonsense\"}",
        ["serviceUrl not http"] = "{\"type\": \"message\", \"text\": \"hi\", \"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"file:///etc/passwd\"}",
        ["nested too deep"] = new string('[', 200) + new string(']', 200),
    };

    public static TheoryData<string> MalformedBodyNames => new(MalformedBodies.Keys);

    [Theory]
    [MemberData(nameof(MalformedBodyNames))]
    public async Task A_malformed_activity_gets_400_with_a_json_error(string problem)
    {
        await (await client.PostRaw("/api/messages", MalformedBodies[problem])).AssertBadRequestWithError();
    }

    [Theory]
    [MemberData(nameof(MalformedBodyNames))]
    public async Task A_400_says_what_is_wrong_without_the_parsers_words(string problem)
    {
        var error = (await (await client.PostRaw("/api/messages", MalformedBodies[problem])).Json()).GetProperty("error").GetString()!;

        // Newtonsoft's messages quote the body and name its position and its own types.
        Assert.DoesNotMatch(@"(?i)\b(path|line|position|newtonsoft|unexpected|character|deserializ|token|JArray|JObject|Microsoft\.Bot)\b", error);
        Assert.DoesNotContain("{", error);
    }

    [Fact]
    public async Task An_activity_far_too_large_is_refused_without_a_500()
    {
        var huge = JsonConvert.SerializeObject(Message("http://127.0.0.1:9/", new string('a', 300 * 1024)));

        var response = await client.PostRaw("/api/messages", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_message_activity_is_accepted_without_credentials()
    {
        await using var channel = await StubChannel.StartAsync();

        var response = await client.PostRaw("/api/messages", JsonConvert.SerializeObject(Message(channel.ServiceUrl, "how do I pay an invoice?")));

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_reply_goes_back_to_the_channel_citing_the_learn_page()
    {
        await using var channel = await StubChannel.StartAsync();

        await client.PostRaw("/api/messages", JsonConvert.SerializeObject(Message(channel.ServiceUrl, "how do I pay an invoice?")));

        var reply = Assert.Single(await channel.MessagesAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Read more", reply.Text);
        Assert.Matches(@"\]\([^)\s]*/learn/billing-support#[a-z0-9-]+\)", reply.Text);
    }

    [Fact]
    public async Task The_reply_is_addressed_to_the_conversation_and_the_message_it_answers()
    {
        await using var channel = await StubChannel.StartAsync();
        var message = Message(channel.ServiceUrl, "how do I pay an invoice?");

        await client.PostRaw("/api/messages", JsonConvert.SerializeObject(message));

        var reply = Assert.Single(await channel.MessagesAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(message.Conversation.Id, reply.Conversation.Id);
        Assert.Equal(message.Id, reply.ReplyToId);
        Assert.Equal(message.From.Id, reply.Recipient.Id);
    }

    [Fact]
    public async Task The_hostile_battery_as_chat_messages_gets_a_reply_each_and_no_error_in_the_log()
    {
        await using var channel = await StubChannel.StartAsync();
        var before = host.Logs.Entries.Count;
        var unanswered = new List<string>();

        foreach (var input in HostileInputs.AllNames)
        {
            var message = Message(channel.ServiceUrl, HostileInputs.Text(input)!);
            var response = await client.PostRaw("/api/messages", JsonConvert.SerializeObject(message));
            Assert.True(response.IsSuccessStatusCode, $"{input}: status {(int)response.StatusCode}");
            if ((await channel.MessagesInAsync(message.Conversation.Id, TimeSpan.FromSeconds(5))).Count != 1) unanswered.Add(input);
        }

        Assert.Empty(unanswered);
        Assert.Empty(host.Logs.Entries.Skip(before)
            .Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error || e.Exception is not null)
            .Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}"));
    }

    [Fact]
    public async Task With_expect_replies_the_answer_comes_back_in_the_response()
    {
        var message = Message("http://127.0.0.1:9/", "how do I pay an invoice?");
        message.DeliveryMode = DeliveryModes.ExpectReplies;

        var response = await client.PostRaw("/api/messages", JsonConvert.SerializeObject(message));

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var replies = JsonConvert.DeserializeObject<ExpectedReplies>(body)!;
        var reply = Assert.Single(replies.Activities);
        Assert.Matches(@"\]\([^)\s]*/learn/billing-support#[a-z0-9-]+\)", reply.Text);
        Assert.Equal(message.Id, reply.ReplyToId);
    }

    [Fact]
    public async Task A_turn_result_is_written_as_the_framework_writes_it_without_the_indentation()
    {
        var reply = Message("http://127.0.0.1:9/", "**Payment methods**\n\nCard or \"invoice\" \u00e9 <b>\u2019</b>");
        reply.SuggestedActions = new SuggestedActions(actions: [new CardAction(ActionTypes.MessageBack, "Payment methods", text: "Payment methods", value: new { page = "billing-support", section = "payment-methods" })]);
        reply.Attachments = [new Attachment("application/vnd.microsoft.card.hero", content: new HeroCard("Title", text: "Body"))];
        reply.Entities = [new Entity("mention") { Properties = { ["text"] = "<at>bot</at>" } }];
        reply.ChannelData = new { tenant = new { id = "t1" } };
        reply.LocalTimestamp = DateTimeOffset.Parse("2026-12-01T02:03:04.567+01:00");
        var result = new Microsoft.Bot.Builder.InvokeResponse { Status = 200, Body = new ExpectedReplies([reply]) };

        var framework = await Written(response => Microsoft.Bot.Builder.Integration.AspNet.Core.HttpHelper.WriteResponseAsync(response, result));
        var ours = await Written(response => MagLearn.Bot.Hosting.MessagesEndpoint.WriteResultAsync(response, result));

        Assert.Equal(framework.Status, ours.Status);
        Assert.Equal(framework.ContentType, ours.ContentType);
        Assert.True(Newtonsoft.Json.Linq.JToken.DeepEquals(Parsed(framework.Body), Parsed(ours.Body)), $"framework:\n{framework.Body}\nours:\n{ours.Body}");
        Assert.True(ours.Body.Length < framework.Body.Length * 0.8, $"{ours.Body.Length} characters against {framework.Body.Length}");
        Assert.DoesNotContain("\n", ours.Body);
    }

    private static async Task<(int Status, string? ContentType, string Body)> Written(Func<Microsoft.AspNetCore.Http.HttpResponse, Task> write)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        await write(http.Response);
        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, http.Response.ContentType, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    private static Newtonsoft.Json.Linq.JToken Parsed(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return Newtonsoft.Json.Linq.JToken.ReadFrom(reader);
    }

    private static Activity Message(string serviceUrl, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m-" + Guid.NewGuid().ToString("N")[..8],
        ChannelId = "webchat",
        ServiceUrl = serviceUrl,
        Text = text,
        From = new ChannelAccount("user-1", "Pat"),
        Recipient = new ChannelAccount("maglearn-bot", "MagLearn Bot"),
        Conversation = new ConversationAccount(id: "conv-" + Guid.NewGuid().ToString("N")[..8]),
        Timestamp = DateTimeOffset.UtcNow,
    };
}
