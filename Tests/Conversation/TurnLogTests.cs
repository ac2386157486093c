using MagLearn.Tests.Support;
using MagLearn.Tests.Api;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace MagLearn.Tests.Conversation;

/// <summary>
/// Each turn leaves one structured line (route, flow or page, confidence, latency) for insight and speed work,
/// and never the user's own words at Information level: they can hold secrets and personal data.
/// </summary>
[Collection(HostCollection.Name)]
public class TurnLogTests(MagLearnHost host)
{
    private const int TurnEvent = 100;
    private const string SecretPhrase = "my secret phrase zebra-4471";
    private const string SecretMark = "zebra-4471";

    /// <summary>The entries the host logs while <paramref name="act"/> runs (the host's tests run one at a time).</summary>
    private async Task<IReadOnlyList<LogCapture.Entry>> LoggedDuring(Func<Task> act)
    {
        var before = host.Logs.Entries.Count;
        await act();
        return host.Logs.Entries.Skip(before).ToList();
    }

    private static LogCapture.Entry TurnLine(IEnumerable<LogCapture.Entry> entries) =>
        Assert.Single(entries, e => e.EventId.Id == TurnEvent);

    private static object? Value(LogCapture.Entry entry, string name) =>
        entry.State.Single(kv => kv.Key == name).Value;

    [Fact]
    public async Task A_turn_logs_exactly_one_line_at_information_with_event_id_100()
    {
        var logged = await LoggedDuring(() => host.Chat().Send("how do I pay an invoice?").AssertReply(_ => { }).StartTestAsync());

        var line = TurnLine(logged);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.EndsWith(".TurnLog", line.Category);
    }

    [Fact]
    public async Task An_answered_turn_logs_its_route_page_confidence_and_latency_as_values()
    {
        var logged = await LoggedDuring(() => host.Chat().Send("how do I pay an invoice?").AssertReply(_ => { }).StartTestAsync());

        var line = TurnLine(logged);
        Assert.Equal("answer", Value(line, "Route"));
        Assert.Equal("billing-support", Value(line, "Page"));
        Assert.InRange(Assert.IsType<double>(Value(line, "Confidence")), 0, 1);
        Assert.InRange(Assert.IsType<double>(Value(line, "LatencyMs")), 0, 10_000);
    }

    [Fact]
    public async Task An_out_of_scope_turn_logs_the_fallback_route()
    {
        var logged = await LoggedDuring(() => host.Chat().Send("who won the football game last night").AssertReply(_ => { }).StartTestAsync());

        Assert.Equal("fallback", Value(TurnLine(logged), "Route"));
    }

    [Fact]
    public async Task A_button_press_logs_the_page_it_showed()
    {
        var press = ChatWithTheBot.PressesButton("Payment methods", new { page = "billing-support", section = "payment-methods" });

        var logged = await LoggedDuring(() => host.Chat().Send(press).AssertReply(_ => { }).StartTestAsync());

        var line = TurnLine(logged);
        Assert.Equal("billing-support", Value(line, "Page"));
        Assert.Equal("payment-methods", Value(line, "Section"));
    }

    [Fact]
    public async Task The_users_words_in_chat_never_appear_in_an_information_log()
    {
        var logged = await LoggedDuring(() => host.Chat()
            .Send(SecretPhrase).AssertReply(_ => { })
            .Send("hi, " + SecretPhrase + ", and I forgot my password").AssertReply(_ => { })
            .StartTestAsync());

        Assert.Equal(2, logged.Count(e => e.EventId.Id == TurnEvent));
        AssertNoInformationMentions(logged, SecretMark);
    }

    [Fact]
    public async Task The_users_words_through_the_channel_endpoint_never_appear_in_an_information_log()
    {
        await using var channel = await StubChannel.StartAsync();
        var message = new Activity
        {
            Type = ActivityTypes.Message, Id = "m-1", ChannelId = "webchat", ServiceUrl = channel.ServiceUrl, Text = SecretPhrase,
            From = new ChannelAccount("user-1"), Recipient = new ChannelAccount("bot"), Conversation = new ConversationAccount(id: "conv-log"),
        };

        var logged = await LoggedDuring(async () =>
        {
            await host.CreateClient().PostRaw("/api/messages", JsonConvert.SerializeObject(message));
            Assert.NotEmpty(await channel.MessagesAsync(TimeSpan.FromSeconds(10)));
        });

        TurnLine(logged);
        AssertNoInformationMentions(logged, SecretMark);
    }

    [Fact]
    public async Task A_question_to_the_ask_api_never_appears_in_an_information_log()
    {
        var client = host.CreateClient();

        var logged = await LoggedDuring(async () =>
        {
            Assert.True((await client.GetAsk(SecretPhrase)).IsSuccessStatusCode);
            Assert.True((await client.PostAsk(SecretPhrase)).IsSuccessStatusCode);
        });

        AssertNoInformationMentions(logged, SecretMark);
    }

    private static void AssertNoInformationMentions(IEnumerable<LogCapture.Entry> logged, string mark)
    {
        var leaks = logged
            .Where(e => e.Level >= LogLevel.Information)
            .Where(e => e.Message.Contains(mark, StringComparison.OrdinalIgnoreCase)
                        || e.State.Any(kv => kv.Value?.ToString()?.Contains(mark, StringComparison.OrdinalIgnoreCase) == true)
                        || e.Exception?.ToString().Contains(mark, StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => $"{e.Level} {e.Category}: {e.Message}");
        Assert.Empty(leaks);
    }
}
