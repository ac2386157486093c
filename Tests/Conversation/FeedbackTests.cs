using MagLearn.Bot.Insights;
using MagLearn.Bot.Turns;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Api;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Conversation;

/// <summary>"Did this help?" after an answer, as a person meets it, and what the support team's insights keep of it.</summary>
[Collection(HostCollection.Name)]
public class FeedbackTests(MagLearnHost host)
{
    private static string TextOf(IActivity reply) => ((IMessageActivity)reply).Text ?? "";

    private static CardAction Button(IActivity reply, string title) =>
        Assert.Single(((IMessageActivity)reply).SuggestedActions?.Actions ?? [], a => a.Title == title);

    /// <summary>What pressing a suggested action sends back: its title as text, its value as the value.</summary>
    private static Activity Press(CardAction button) => new()
    {
        Type = ActivityTypes.Message,
        Text = button.Title,
        Value = JObject.FromObject(button.Value),
    };

    private async Task<IReadOnlyList<InsightEvent>> EventsOf(string conversation)
    {
        await host.Services.GetRequiredService<InsightRecorder>().WrittenAsync();
        var key = InsightRecorder.KeyOf("test", conversation);
        var now = DateTimeOffset.UtcNow;
        var events = await host.Services.GetRequiredService<IInsightStore>().ReadAsync(now.AddHours(-1), now.AddHours(1));
        return events.Where(e => e.Conversation == key).ToList();
    }

    [Fact]
    public async Task An_answer_asks_did_this_help_with_yes_and_no_on_the_answer_itself()
    {
        await host.Chat()
            .Send("how do I pay an invoice?")
            .AssertReply(reply =>
            {
                Assert.StartsWith("**Paying an Exostar invoice**", TextOf(reply));
                Assert.EndsWith($"\n\n{Replies.DidThisHelp}", TextOf(reply));
                Assert.Equal([Replies.ItHelped, Replies.ItDidNot], reply.ButtonTitles());
            })
            .AssertNoReply("a second message for the question", timeout: 50)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_says_it_helped_is_thanked_and_the_rating_is_kept_with_the_passage_and_the_question()
    {
        var conversation = $"helped-{Guid.NewGuid():N}";
        IActivity? answer = null;
        await host.Chat(conversation)
            .Send("how do I pay an invoice?")
            .AssertReply(reply => answer = reply)
            .StartTestAsync();
        await host.Chat(conversation)
            .Send(Press(Button(answer!, Replies.ItHelped)))
            .AssertReply(reply => Assert.Equal(Replies.GladItHelped, TextOf(reply)))
            .StartTestAsync();

        var events = await EventsOf(conversation);
        var turn = Assert.Single(events, e => e.Kind == InsightKind.Turn);
        Assert.Equal("answer", turn.Route);
        Assert.Equal("billing-support", turn.Page);
        var rating = Assert.Single(events, e => e.Kind == InsightKind.Feedback);
        Assert.True(rating.Helpful);
        Assert.Equal((turn.Page, turn.Section), (rating.Page, rating.Section));
        Assert.Equal("how do I pay an invoice?", rating.Question);
        Assert.Equal(turn.Confidence, rating.Confidence);
        Assert.Equal(turn.IndexVersion, rating.IndexVersion);
        Assert.NotNull(rating.IndexVersion);
    }

    [Fact]
    public async Task User_says_it_did_not_help_and_is_offered_another_passage_and_a_person()
    {
        var conversation = $"unhelpful-{Guid.NewGuid():N}";
        IActivity? answer = null;
        await host.Chat(conversation)
            .Send("how do I pay an invoice?")
            .AssertReply(reply => answer = reply)
            .StartTestAsync();
        var first = (JObject)JObject.FromObject(Button(answer!, Replies.ItDidNot).Value);
        await host.Chat(conversation)
            .Send(Press(Button(answer!, Replies.ItDidNot)))
            .AssertReply(reply => Assert.Equal(Replies.TryThisInstead, TextOf(reply)))
            .AssertReply(reply =>
            {
                Assert.Contains("Read more", TextOf(reply));
                Assert.DoesNotContain($"#{first.Value<string>("section")})", TextOf(reply));
                Assert.Equal([Replies.TalkToAPerson], reply.ButtonTitles());
            })
            .StartTestAsync();

        var rating = Assert.Single(await EventsOf(conversation), e => e.Kind == InsightKind.Feedback);
        Assert.False(rating.Helpful);
        Assert.Equal(first.Value<string>("section"), rating.Section);
    }

    [Fact]
    public async Task A_button_under_an_older_answer_rates_that_answer_not_the_latest()
    {
        var conversation = $"older-{Guid.NewGuid():N}";
        IActivity? first = null, second = null;
        await host.Chat(conversation)
            .Send("how do I pay an invoice?")
            .AssertReply(reply => first = reply)
            .Send("what is the admin training schedule")
            .AssertReply(reply => second = reply)
            .StartTestAsync();
        var firstRated = (JObject)JObject.FromObject(Button(first!, Replies.ItDidNot).Value);
        Assert.NotEqual(firstRated.Value<string>("page"), ((JObject)JObject.FromObject(Button(second!, Replies.ItDidNot).Value)).Value<string>("page"));

        await host.Chat(conversation).Send(Press(Button(first!, Replies.ItDidNot))).AssertReply(_ => { }).StartTestAsync();

        var rating = Assert.Single(await EventsOf(conversation), e => e.Kind == InsightKind.Feedback);
        Assert.Equal((firstRated.Value<string>("page"), firstRated.Value<string>("section")), (rating.Page, rating.Section));
        Assert.Equal("how do I pay an invoice?", rating.Question);
    }

    [Fact]
    public async Task A_forged_feedback_value_is_counted_within_bounds_and_answered_without_error()
    {
        var conversation = $"forged-{Guid.NewGuid():N}";
        var forged = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "No",
            Value = new JObject
            {
                ["feedback"] = "no", ["page"] = "no-such-page", ["section"] = "nowhere", ["question"] = new string('x', 5000),
                ["confidence"] = "17", ["index"] = new string('v', 500), ["next"] = "also-missing#gone",
            },
        };
        await host.Chat(conversation).Send(forged).AssertReply(reply => Assert.Equal(Replies.NothingBetter, TextOf(reply))).StartTestAsync();

        var rating = Assert.Single(await EventsOf(conversation), e => e.Kind == InsightKind.Feedback);
        Assert.Equal(AnswerFeedback.MaxQuestion, rating.Question!.Length);
        Assert.Null(rating.Confidence);
        Assert.Null(rating.IndexVersion);
    }

    [Fact]
    public async Task User_ignores_the_question_and_types_on_and_is_simply_answered()
    {
        await host.Chat()
            .Send("how do I pay an invoice?")
            .AssertReply(reply => Assert.StartsWith("**Paying an Exostar invoice**", TextOf(reply)))
            .Send("how do I reset my password")
            .AssertReply(reply => Assert.DoesNotContain(Replies.GladItHelped, TextOf(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_secret_in_the_question_is_masked_in_what_the_insights_keep()
    {
        var conversation = $"secret-{Guid.NewGuid():N}";
        await host.Chat(conversation)
            .Send("how do I pay an invoice? my card number is 4111 1111 1111 1111")
            .AssertReply(_ => { })
            .StartTestAsync();

        var question = Assert.Single(await EventsOf(conversation), e => e.Kind == InsightKind.Turn).Question;
        Assert.StartsWith("how do I pay an invoice?", question);
        Assert.DoesNotContain("4111", question);
    }

    [Fact]
    public async Task A_fallback_asks_nothing_and_is_kept_as_unanswered()
    {
        var conversation = $"fallback-{Guid.NewGuid():N}";
        await host.Chat(conversation)
            .Send("who won the football game last night?")
            .AssertReply(reply => Assert.DoesNotContain(Replies.ItHelped, reply.ButtonTitles()))
            .StartTestAsync();

        Assert.Equal("fallback", Assert.Single(await EventsOf(conversation), e => e.Kind == InsightKind.Turn).Route);
    }
}
