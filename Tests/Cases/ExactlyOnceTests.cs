using MagLearn.Bot.Cases;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Storage;
using MagLearn.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Cases;

/// <summary>
/// A case handed to support (from the hand-off flow itself, a change request or a credential purchase that did not
/// work out) is recorded once and its hand-off event goes out once, whatever happens to the turn that makes it:
/// the channel posts it again with the same id, twice at once, a second tab races it, a button is clicked twice,
/// the instance dies before the conversation is saved, or the channel refuses the event mid-turn. Real host, real
/// channel endpoint over HTTP, the SQLite file two instances share.
/// </summary>
public sealed class ExactlyOnceTests : IAsyncLifetime
{
    private readonly TempSqliteFile file = new();
    private StoredHost host = null!;
    private StubChannel channel = null!;

    /// <summary>The walks to a case: the last activity of each is the one that hands the conversation over.</summary>
    public static TheoryData<string, string[]> WalksToACase() => new()
    {
        { "support-handoff", ["I want to talk to a person", "no"] },
        { "change-request", ["@Change a user or company detail", "our org admin", "no, she left", "yes", "it's jonesk_4821", "no", "no"] },
        { "credential-purchase", ["@Buy or renew a credential", "a hardware token", "no", "no", "no"] },
    };

    public async Task InitializeAsync()
    {
        host = StoredHost.OnSqlite(file.Path);
        channel = await StubChannel.StartAsync();
    }

    [Theory]
    [MemberData(nameof(WalksToACase))]
    public async Task A_channel_retrying_the_last_post_gets_no_second_case_and_no_second_turn(string flow, string[] walk)
    {
        var chat = channel.Conversation(host.CreateClient());
        var last = await WalkAsync(chat, walk);

        var first = await chat.SendAsync(last);
        var retried = await chat.ResendAsync(last);

        Assert.NotNull(first.Event("handoff"));
        Assert.Empty(retried.Activities);
        var recorded = Assert.Single(await CasesAsync(host));
        Assert.Equal(flow, recorded.Summary.Flow);
        Assert.Equal(chat.Id, recorded.Conversation);
        Assert.Single(HandoffEvents(chat));
        Assert.Contains($"**{recorded.Reference}**", first.AllText);
    }

    [Fact]
    public async Task The_same_post_twice_at_once_is_one_case_and_one_event()
    {
        var chat = channel.Conversation(host.CreateClient());
        var last = await WalkAsync(chat, WalkToPerson);

        await Task.WhenAll(chat.SendAsync(last), chat.ResendAsync(last));

        Assert.Single(await CasesAsync(host));
        Assert.Single(HandoffEvents(chat));
    }

    [Fact]
    public async Task Two_tabs_giving_the_last_answer_at_once_make_one_case()
    {
        var chat = channel.Conversation(host.CreateClient());
        await WalkAsync(chat, WalkToPerson);

        // Two posts of their own (two ids): the turns run one after the other, the second after the hand-off.
        var both = await Task.WhenAll(chat.SaysAsync("no"), chat.SaysAsync("no"));

        Assert.Single(both, turn => turn.Event("handoff") is not null);
        Assert.Single(await CasesAsync(host));
        Assert.Single(HandoffEvents(chat));
    }

    [Fact]
    public async Task A_button_clicked_twice_answers_its_own_question_once_and_the_next_question_not_at_all()
    {
        var chat = channel.Conversation(host.CreateClient());
        await WalkAsync(chat, ["@Buy or renew a credential", "a hardware token"]);
        var resolved = await chat.SaysAsync("no");

        // "Did that solve it?" No, twice: the second press must not answer "add your details?", asked in between.
        var first = await chat.SendAsync(Press(resolved, Replies.No));
        var second = await chat.SendAsync(Press(resolved, Replies.No));

        Assert.Contains("I'll also put together a summary", first.AllText);
        Assert.StartsWith(Replies.EarlierQuestionsButton, second.Texts.Last());
        Assert.Contains("I'll also put together a summary", second.Texts.Last());
        Assert.Empty(await CasesAsync(host));

        // "Add your details?" No, twice: one case; the second press finds the question finished.
        var handedOff = await chat.SendAsync(Press(first, Replies.No));
        var again = await chat.SendAsync(Press(first, Replies.No));

        Assert.NotNull(handedOff.Event("handoff"));
        Assert.Equal([Replies.FinishedQuestionsButton], again.Texts);
        Assert.Single(await CasesAsync(host));
    }

    [Fact]
    public async Task An_instance_that_dies_before_saving_leaves_one_case_when_the_channel_retries_on_the_next()
    {
        var death = new InstanceDeath();
        await using var dying = host.Changed(death.Apply);
        var chat = channel.Conversation(dying.CreateClient());
        var last = await WalkAsync(chat, WalkToPerson);

        death.Arm();
        var died = await chat.SendAsync(last);
        // The channel gives the same post to the next instance: the case is there already, and its event went out.
        var retried = await chat.ResendAsync(last, to: host.CreateClient());

        Assert.True(death.Struck);
        Assert.NotNull(died.Event("handoff"));
        Assert.Null(retried.Event("handoff"));
        var recorded = Assert.Single(await CasesAsync(host));
        Assert.NotNull(recorded.Forwarded);
        Assert.Single(HandoffEvents(chat));
        // The person sees the summary again, under the same reference.
        Assert.Contains($"**{recorded.Reference}**", died.AllText);
        Assert.Contains($"**{recorded.Reference}**", retried.AllText);
    }

    [Fact]
    public async Task An_instance_that_dies_before_saving_leaves_one_case_when_the_person_presses_the_button_again()
    {
        var death = new InstanceDeath();
        await using var dying = host.Changed(death.Apply);
        var chat = channel.Conversation(dying.CreateClient());
        var asked = await chat.SaysAsync("I want to talk to a person");

        death.Arm();
        var died = await chat.SendAsync(Press(asked, Replies.No));
        // Not sure it worked, the person presses No again, a new post, which the next instance takes.
        var again = await chat.SendAsync(Press(asked, Replies.No), to: host.CreateClient());

        Assert.True(death.Struck);
        var recorded = Assert.Single(await CasesAsync(host));
        Assert.Contains($"**{recorded.Reference}**", again.AllText);
        Assert.Null(again.Event("handoff"));
        Assert.Single(HandoffEvents(chat));
    }

    [Fact]
    public async Task A_case_whose_event_the_channel_refused_is_forwarded_by_the_retry_once()
    {
        var chat = channel.Conversation(host.CreateClient());
        var last = await WalkAsync(chat, WalkToPerson);

        channel.RefuseOnce(a => a.Type == ActivityTypes.Event && a.Name == "handoff");
        await chat.SendAsync(last);
        var beforeRetry = await CasesAsync(host);
        var retried = await chat.ResendAsync(last, to: host.CreateClient());

        Assert.Null(Assert.Single(beforeRetry).Forwarded);
        Assert.NotNull(retried.Event("handoff"));
        Assert.NotNull(Assert.Single(await CasesAsync(host)).Forwarded);
        Assert.Single(HandoffEvents(chat));
        Assert.Equal(beforeRetry[0].Reference, retried.Event("handoff")!.Value is JObject value ? value.Value<string>("reference") : null);
    }

    private static readonly string[] WalkToPerson = ["I want to talk to a person", "no"];

    /// <summary>
    /// Sends all of <paramref name="walk"/> but its last step (a help-menu button for "@title", words otherwise) and
    /// returns that last step, not yet sent.
    /// </summary>
    private static async Task<Activity> WalkAsync(ChannelConversation chat, string[] walk)
    {
        foreach (var step in walk[..^1]) await chat.SendAsync(Said(step));
        return Said(walk[^1]);
    }

    private static Activity Said(string step) => step.StartsWith('@')
        ? new Activity { Type = ActivityTypes.Message, Text = step[1..], Value = new JObject { ["helpArea"] = step[1..] } }
        : new Activity { Type = ActivityTypes.Message, Text = step };

    /// <summary>The button titled <paramref name="title"/> under the last message of <paramref name="turn"/>, pressed as Web Chat sends it.</summary>
    private static Activity Press(Turn turn, string title)
    {
        var button = turn.Activities.Last(a => a.SuggestedActions?.Actions?.Count > 0).SuggestedActions.Actions.Single(a => a.Title == title);
        Assert.Equal(ActionTypes.MessageBack, button.Type);
        return new Activity { Type = ActivityTypes.Message, Text = button.Text, Value = JObject.FromObject(button.Value) };
    }

    private IReadOnlyList<Activity> HandoffEvents(ChannelConversation chat) =>
        channel.Received.Where(a => a.Conversation?.Id == chat.Id && a.Type == ActivityTypes.Event && a.Name == "handoff").ToList();

    private static Task<IReadOnlyList<CaseRecord>> CasesAsync(StoredHost host) =>
        host.Services.GetRequiredService<ICaseStore>().ReadAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1));

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await host.DisposeAsync();
        file.Dispose();
    }
}
