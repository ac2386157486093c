using MagLearn.Bot.Privacy;
using MagLearn.Bot.Transcripts;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Api;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Transcripts;

/// <summary>
/// What a turn leaves in the transcript, on the Bot Framework's TestAdapter: both ways, in order, redacted as it
/// was at the moment it happened, with an id and a time each, and in one write per turn.
/// </summary>
public class TranscriptMiddlewareTests
{
    private readonly CountingArchive archive = new();
    private readonly LogCapture logs = new();

    private TestAdapter Adapter(ITranscriptArchive? into = null, bool enabled = true)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation($"transcript-{Guid.NewGuid():N}"));
        adapter.Use(new TranscriptMiddleware(into ?? archive, Options.Create(new TranscriptOptions { Enabled = enabled }),
            new LoggerFactory([logs]).CreateLogger<TranscriptMiddleware>()));
        return adapter;
    }

    private static BotCallbackHandler Replies(params string[] texts) => async (turn, ct) =>
    {
        foreach (var text in texts) await turn.SendActivityAsync(text, cancellationToken: ct);
    };

    /// <summary>The transcript is written after the turn without being waited for.</summary>
    private async Task<IReadOnlyList<JObject>> KeptAsync(string conversationId, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        IReadOnlyList<TranscriptEntry> kept;
        while ((kept = await archive.ReadAsync(conversationId)).Count < atLeast && DateTime.UtcNow < deadline) await Task.Delay(10);
        return kept.Select(e => JObject.Parse(e.Activity)).ToList();
    }

    [Fact]
    public async Task The_message_and_the_replies_are_kept_in_order_in_one_write()
    {
        var adapter = Adapter();

        await new TestFlow(adapter, Replies("first reply", "second reply"))
            .Send("how do I pay an invoice?").AssertReply("first reply").AssertReply("second reply").StartTestAsync();

        var kept = await KeptAsync(adapter.Conversation.Conversation.Id, 3);
        Assert.Equal(["how do I pay an invoice?", "first reply", "second reply"], kept.Select(a => (string?)a["text"]));
        Assert.Equal(1, archive.Writes);
    }

    [Fact]
    public async Task Every_kept_activity_has_an_id_and_a_time()
    {
        var adapter = Adapter();

        await new TestFlow(adapter, Replies("hello")).Send("hi").AssertReply("hello").StartTestAsync();

        var kept = await KeptAsync(adapter.Conversation.Conversation.Id, 2);
        Assert.All(kept, a => Assert.False(string.IsNullOrEmpty((string?)a["id"])));
        Assert.All(kept, a => Assert.NotNull(a["timestamp"]));
    }

    [Fact]
    public async Task The_persons_role_is_filled_in_when_the_channel_leaves_it_out()
    {
        var adapter = Adapter();

        await new TestFlow(adapter, Replies("ok")).Send("hi").AssertReply("ok").StartTestAsync();

        var kept = await KeptAsync(adapter.Conversation.Conversation.Id, 2);
        Assert.Equal(RoleTypes.User, (string?)kept[0]["from"]!["role"]);
    }

    [Fact]
    public async Task A_secret_is_masked_in_the_message_and_in_a_reply_that_repeats_it()
    {
        var adapter = Adapter();

        await new TestFlow(adapter, Replies("You said your code is 482913"))
            .Send("my otp code is 482913").AssertReply("You said your code is 482913").StartTestAsync();

        var kept = await KeptAsync(adapter.Conversation.Conversation.Id, 2);
        Assert.All(kept, a => Assert.DoesNotContain("482913", a.ToString()));
        Assert.Contains(SecretRedactor.Mask, (string?)kept[0]["text"]);
    }

    [Fact]
    public async Task A_reply_changed_after_it_was_sent_is_kept_as_it_was_sent()
    {
        var adapter = Adapter();
        BotCallbackHandler changesItsReply = async (turn, ct) =>
        {
            var reply = MessageFactory.Text("as sent");
            await turn.SendActivityAsync(reply, ct);
            reply.Text = "changed afterwards";
        };

        await adapter.SendTextToBotAsync("hi", changesItsReply, CancellationToken.None);

        var kept = await KeptAsync(adapter.Conversation.Conversation.Id, 2);
        Assert.Equal("as sent", (string?)kept[1]["text"]);
    }

    [Fact]
    public async Task An_update_and_a_delete_are_kept_as_such()
    {
        var adapter = Adapter();
        BotCallbackHandler updatesThenDeletes = async (turn, ct) =>
        {
            var sent = await turn.SendActivityAsync("draft", cancellationToken: ct);
            var update = MessageFactory.Text("final");
            update.Id = sent.Id;
            await turn.UpdateActivityAsync(update, ct);
            await turn.DeleteActivityAsync(sent.Id, ct);
        };

        await adapter.SendTextToBotAsync("hi", updatesThenDeletes, CancellationToken.None);

        var kept = await KeptAsync(adapter.Conversation.Conversation.Id, 4);
        Assert.Equal([ActivityTypes.Message, ActivityTypes.Message, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete],
            kept.Select(a => (string?)a["type"]));
        Assert.Equal("final", (string?)kept[2]["text"]);
    }

    [Fact]
    public async Task Nothing_is_kept_when_transcripts_are_off()
    {
        var adapter = Adapter(enabled: false);

        await new TestFlow(adapter, Replies("ok")).Send("hi").AssertReply("ok").StartTestAsync();
        await Task.Delay(100);

        Assert.Empty(await archive.ReadAsync(adapter.Conversation.Conversation.Id));
        Assert.Equal(0, archive.Writes);
    }

    [Fact]
    public async Task A_failing_archive_costs_the_person_nothing_and_is_logged_without_their_words()
    {
        var adapter = Adapter(into: new FailingArchive());

        await new TestFlow(adapter, Replies("still answered")).Send("my password is Tr0ub4dor&3x").AssertReply("still answered").StartTestAsync();

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!logs.Entries.Any(e => e.EventId.Id == 320) && DateTime.UtcNow < deadline) await Task.Delay(10);
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 320);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("IOException", warning.Message);
        Assert.DoesNotContain("Tr0ub4dor", warning.Message);
    }

    private sealed class CountingArchive : ITranscriptArchive
    {
        private readonly MemoryTranscriptArchive inner = new();
        private int writes;

        public int Writes => writes;

        public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref writes);
            return inner.AppendAsync(entries, cancellationToken);
        }

        public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(conversationId, cancellationToken);
    }

    private sealed class FailingArchive : ITranscriptArchive
    {
        public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default) =>
            Task.FromException(new IOException("disk full"));

        public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<TranscriptEntry>>([]);
    }
}
