using MagLearn.Bot.Insights;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Insights;

/// <summary>What the insights keep of flows (the funnels' raw material) and how "Did this help?" looks on Teams.</summary>
[Collection(FlowsCollection.Name)]
public class FlowInsightsTests(FlowsHost host)
{
    private async Task<IReadOnlyList<InsightEvent>> EventsOf(Chat chat)
    {
        await host.Services.GetRequiredService<InsightRecorder>().WrittenAsync();
        var key = InsightRecorder.KeyOf(chat.Conversation.ChannelId, chat.Conversation.Conversation.Id);
        var now = DateTimeOffset.UtcNow;
        var events = await host.Services.GetRequiredService<IInsightStore>().ReadAsync(now.AddHours(-1), now.AddHours(1));
        return events.Where(e => e.Conversation == key).ToList();
    }

    [Fact]
    public async Task A_flow_walked_to_a_solved_end_is_kept_as_started_each_step_reached_and_completed()
    {
        var chat = host.Chat();
        await chat.Says("I forgot my password");
        await chat.Says("no");
        await chat.Says("not yet");
        await chat.Says("yes");

        var events = await EventsOf(chat);
        Assert.Equal("dialog", Assert.Single(events, e => e.Kind == InsightKind.Turn).Route);
        Assert.Equal("login-assistance", Assert.Single(events, e => e.Kind == InsightKind.FlowStarted).Flow);
        var steps = events.Where(e => e.Kind == InsightKind.FlowStep).Select(e => e.Step).ToList();
        Assert.True(steps.Count >= 3, string.Join(", ", steps));
        Assert.Equal(steps.Count, steps.Distinct().Count());
        var completed = Assert.Single(events, e => e.Kind == InsightKind.FlowCompleted);
        Assert.Equal("password-self-service", completed.Step);
        Assert.True(Assert.Single(events, e => e.Kind == InsightKind.Feedback).Helpful);
    }

    [Fact]
    public async Task A_flow_that_did_not_solve_it_is_kept_as_an_unhelpful_end_and_a_handoff_with_its_summary()
    {
        var chat = host.Chat();
        await chat.Says("I forgot my password");
        await chat.Says("no");
        await chat.Says("not yet");
        await chat.Says("no");
        await chat.Says("no thanks");

        var events = await EventsOf(chat);
        Assert.False(Assert.Single(events, e => e.Kind == InsightKind.Feedback).Helpful);
        Assert.DoesNotContain(events, e => e.Kind == InsightKind.FlowCompleted);
        var handoff = Assert.Single(events, e => e.Kind == InsightKind.Handoff);
        Assert.Equal("login-assistance", handoff.Flow);
        Assert.Contains("Case summary", handoff.Summary);
    }

    [Fact]
    public async Task A_cancelled_flow_is_kept_as_abandoned()
    {
        var chat = host.Chat();
        await chat.Says("I forgot my password");
        await chat.Says("cancel");

        Assert.Equal("login-assistance", Assert.Single(await EventsOf(chat), e => e.Kind == InsightKind.FlowAbandoned).Flow);
    }

    [Fact]
    public async Task On_Teams_did_this_help_is_a_card_of_buttons_after_the_answer()
    {
        var turn = await host.Chat("msteams").Says("how do I pay an invoice?");

        Assert.Equal(2, turn.Messages.Count);
        Assert.StartsWith("**Paying an Exostar invoice**", turn.Messages[0].Text);
        var card = Assert.IsType<HeroCard>(turn.Messages[1].Attachments.Single().Content);
        Assert.Equal(Replies.DidThisHelp, card.Text);
        Assert.Equal([Replies.ItHelped, Replies.ItDidNot], card.Buttons.Select(b => b.Title));
    }
}
