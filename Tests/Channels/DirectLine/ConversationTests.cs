using System.Net;
using MagLearn.Bot.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>
/// A conversation over the local Direct Line, polled as Web Chat polls: the welcome, the echo of what the user
/// sent (how Web Chat knows it was sent), replies that answer it, and the watermark.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class ConversationTests(ChannelsHost host)
{
    private readonly HttpClient http = host.Http();

    [Fact]
    public async Task The_bot_welcomes_the_user_once_the_conversation_starts_as_a_bot_not_a_person()
    {
        var chat = await StartedAsync(http);

        var welcome = await chat.BotMessageAsync();

        Assert.Contains("not a person", welcome.Value<string>("text"));
        Assert.Equal("bot", welcome["from"]!.Value<string>("role"));
        Assert.Equal(chat.UserId, welcome["recipient"]!.Value<string>("id"));
        Assert.Contains("Login help", welcome["suggestedActions"]!["actions"]!.Select(a => a.Value<string>("title")));
        Assert.Null(welcome["replyToId"]); // it answers nothing in the transcript, so Web Chat must not wait for it
    }

    [Fact]
    public async Task The_welcome_is_sent_once_however_often_the_conversation_is_started()
    {
        var chat = await StartedAsync(http);
        await chat.StartAsync();
        await chat.StartAsync();
        await chat.BotMessageAsync();

        var id = await chat.SaysAsync("thanks");
        await chat.ReadUntilAsync(a => IsBotMessage(a) && a.Value<string>("replyToId") == id);

        var (_, all) = await chat.PollAsync("0");
        Assert.Single(all["activities"]!, a => a.Value<string>("text")?.Contains("not a person") == true);
    }

    [Fact]
    public async Task A_posted_message_comes_back_with_the_id_it_was_given_and_web_chats_client_activity_id()
    {
        var chat = await StartedAsync(http);

        var id = await chat.SaysAsync("how do I pay an invoice?", clientActivityId: "webchat-42");
        var echo = (await chat.ReadUntilAsync(a => a.Value<string>("id") == id)).Single(a => a.Value<string>("id") == id);

        Assert.Equal("webchat-42", echo["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal("how do I pay an invoice?", echo.Value<string>("text"));
        Assert.Equal(chat.UserId, echo["from"]!.Value<string>("id"));
        Assert.Equal("user", echo["from"]!.Value<string>("role"));
        Assert.True(DateTimeOffset.TryParse(echo.Value<string>("timestamp") ?? echo["timestamp"]?.ToString(), out _), "timestamp");
    }

    [Fact]
    public async Task The_answer_replies_to_the_posted_message_and_cites_the_learn_page()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();

        var id = await chat.SaysAsync("how do I pay an invoice?");
        var answer = await chat.BotMessageAsync();

        Assert.Equal(id, answer.Value<string>("replyToId"));
        Assert.Matches(@"\]\(http://127\.0\.0\.1:\d+/learn/billing-support#[a-z0-9-]+\)", answer.Value<string>("text"));
    }

    [Fact]
    public async Task The_user_cannot_speak_as_someone_else()
    {
        var chat = await StartedAsync(http);
        var message = Message("hello", "c-1");
        message["from"] = new JObject { ["id"] = "dl_somebody_else", ["role"] = "bot" };

        var (_, posted) = await chat.PostAsync(message);
        var id = posted.Value<string>("id");
        var echo = (await chat.ReadUntilAsync(a => a.Value<string>("id") == id)).Single(a => a.Value<string>("id") == id);

        Assert.Equal(chat.UserId, echo["from"]!.Value<string>("id"));
        Assert.Equal("user", echo["from"]!.Value<string>("role"));
    }

    [Fact]
    public async Task Polling_after_a_watermark_returns_only_what_is_newer()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();
        var seen = chat.Watermark;

        var id = await chat.SaysAsync("hello");
        await chat.ReadUntilAsync(a => IsBotMessage(a) && a.Value<string>("replyToId") == id);

        var (_, after) = await chat.PollAsync(seen);
        var (_, nothingNew) = await chat.PollAsync(chat.Watermark);
        Assert.Equal(id, after["activities"]!.First!.Value<string>("id"));
        Assert.Empty(nothingNew["activities"]!);
        Assert.Equal(chat.Watermark, nothingNew.Value<string>("watermark"));
    }

    [Fact]
    public async Task Messages_sent_at_once_are_answered_in_the_order_they_were_sent()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();

        var first = await chat.SaysAsync("how do I pay an invoice?");
        var second = await chat.SaysAsync("thanks");
        var read = await chat.ReadUntilAsync(a => IsBotMessage(a) && a.Value<string>("replyToId") == second);

        var order = read.Where(IsBotMessage).Select(a => a.Value<string>("replyToId")).ToList();
        Assert.True(order.IndexOf(first) >= 0 && order.IndexOf(first) < order.IndexOf(second), string.Join(", ", order));
    }

    [Fact]
    public async Task A_help_area_button_starts_its_guided_flow()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();
        var press = Message("Login help", "c-2");
        press["value"] = new JObject { ["helpArea"] = "Login help" };

        await chat.PostAsync(press);

        var question = await chat.BotMessageAsync();
        Assert.Equal("What is happening when you try to log in?", question.Value<string>("text"));
        Assert.Equal(6, question["suggestedActions"]!["actions"]!.Count());
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_is_refused_as_a_bad_argument()
    {
        var chat = await StartedAsync(http);

        var (status, body) = await chat.PostAsync(new JObject { ["text"] = "no type" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadArgument", body["error"]!.Value<string>("code"));
    }

    [Fact]
    public async Task A_conversation_that_does_not_exist_is_not_found()
    {
        var bySecret = new DirectLineConversationClient(http, ChannelsHost.Secret, "no-such-conversation", "");

        var (status, body) = await bySecret.PollAsync("");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NotFound", body["error"]!.Value<string>("code"));
    }

    [Fact]
    public async Task Reconnecting_gives_a_stream_address_that_resumes_at_the_watermark_and_a_token()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();

        var (status, body) = await chat.ReconnectAsync(chat.Watermark);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"watermark={chat.Watermark}&", body.Value<string>("streamUrl"));
        Assert.False(string.IsNullOrEmpty(body.Value<string>("token")));
    }

    [Fact]
    public async Task Its_turns_go_through_the_same_middleware_as_api_messages_so_the_transcript_has_them()
    {
        var chat = await StartedAsync(http);
        var id = await chat.SaysAsync("how do I pay an invoice?");
        await chat.AnswerToAsync(id);
        var archive = host.Services.GetRequiredService<ITranscriptArchive>();

        IReadOnlyList<TranscriptEntry> entries = [];
        for (var i = 0; i < 100 && !entries.Any(e => e.Activity.Contains("/learn/billing-support#")); i++)
        {
            await Task.Delay(50);
            entries = await archive.ReadAsync(chat.ConversationId);
        }

        Assert.All(entries, e => Assert.Equal("directline", e.ChannelId));
        Assert.Contains(entries, e => e.Activity.Contains("how do I pay an invoice?"));
        Assert.Contains(entries, e => e.Activity.Contains("/learn/billing-support#"));
    }
}
