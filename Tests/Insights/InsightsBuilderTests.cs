using MagLearn.Bot.Insights;
using MagLearn.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Insights;

/// <summary>The report built from a period's events: traffic, top and unanswered questions, ratings, funnels.</summary>
[Collection(HostCollection.Name)]
public class InsightsBuilderTests(MagLearnHost host)
{
    private static readonly DateOnly Day1 = new(2026, 11, 2);
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private InsightsBuilder Builder => host.Services.GetRequiredService<InsightsBuilder>();

    private static InsightEvent Turn(string conversation, string question, string route, DateTimeOffset? at = null, string? page = null, string? flow = null) => new()
    {
        Time = at ?? Morning,
        Kind = InsightKind.Turn,
        Conversation = conversation,
        Route = route,
        Question = question,
        Page = page,
        Flow = flow,
    };

    private static InsightEvent Flow(string conversation, InsightKind kind, string flow, string? step = null) =>
        new() { Time = Morning, Kind = kind, Conversation = conversation, Flow = flow, Step = step };

    [Fact]
    public void Every_day_of_the_period_has_its_conversations_questions_and_routes_even_a_quiet_one()
    {
        var report = Builder.Build(Day1, Day1.AddDays(2),
        [
            Turn("a", "how do I pay an invoice", "answer"), Turn("a", "talk to a person", "person"), Turn("b", "football", "fallback"),
            Turn("c", "I forgot my password", "dialog", Morning.AddDays(2)),
        ]);

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], report.Days.Select(d => d.Day));
        Assert.Equal((2, 3), (report.Days[0].Conversations, report.Days[0].Questions));
        Assert.Equal(1, report.Days[0].Routes["fallback"]);
        Assert.Equal((0, 0), (report.Days[1].Conversations, report.Days[1].Questions));
        Assert.Equal(1, report.Days[2].Routes["dialog"]);
    }

    [Fact]
    public void Top_questions_count_one_question_however_it_is_cased_spaced_or_punctuated()
    {
        var report = Builder.Build(Day1, Day1,
        [
            Turn("a", "How do I pay an invoice?", "answer", page: "billing-support"),
            Turn("b", "how do i  pay an invoice", "answer", page: "billing-support"),
            Turn("c", "I forgot my password", "dialog", flow: "login-assistance"),
        ]);

        var top = report.TopQuestions[0];
        Assert.Equal(("how do i pay an invoice", 2, "answer", "billing-support"), (top.Question, top.Count, top.Route, top.Target));
        Assert.Equal(2, report.TopQuestions.Count);
    }

    [Fact]
    public void Unanswered_questions_are_grouped_by_meaning_with_the_nearest_page_and_the_lines_to_add_there()
    {
        var report = Builder.Build(Day1, Day1,
        [
            Turn("a", "can I get a yubikey from you", "fallback"),
            Turn("b", "can I get a yubikey from you", "fallback"),
            Turn("c", "do you sell yubikeys", "fallback"),
            Turn("d", "who won the football game last night", "fallback"),
            Turn("e", "how do I pay an invoice", "answer"),
        ]);

        var yubikeys = report.Unanswered[0];
        Assert.Equal(3, yubikeys.Count);
        Assert.Equal(["can i get a yubikey from you", "do you sell yubikeys"], yubikeys.Examples);
        Assert.NotNull(yubikeys.Nearest);
        Assert.Equal(("page", "purchase-credentials"), (yubikeys.Nearest.Kind, yubikeys.Nearest.Id));
        Assert.True(yubikeys.Suggestion is not null, $"nearest {yubikeys.Nearest.Score}");
        Assert.Equal(("content/learn/purchase-credentials.md", "phrasings"), (yubikeys.Suggestion!.File, yubikeys.Suggestion.Under));
        Assert.Equal(["  - can i get a yubikey from you", "  - do you sell yubikeys"], yubikeys.Suggestion.Lines);

        var football = Assert.Single(report.Unanswered, g => g.Examples.Contains("who won the football game last night"));
        Assert.Equal(1, football.Count);
        Assert.True(football.Suggestion is null, $"football nearest {football.Nearest?.Score}");
        Assert.Equal(2, report.Unanswered.Count);
    }

    [Fact]
    public void A_passage_rated_no_is_unanswered_and_leads_the_unhelpful_list_with_its_heading()
    {
        var report = Builder.Build(Day1, Day1,
        [
            new InsightEvent { Time = Morning, Kind = InsightKind.Feedback, Conversation = "a", Page = "billing-support", Section = "pay-invoice", Helpful = false, Question = "can i pay in euros" },
            new InsightEvent { Time = Morning, Kind = InsightKind.Feedback, Conversation = "b", Page = "billing-support", Section = "pay-invoice", Helpful = true, Question = "pay invoice" },
            new InsightEvent { Time = Morning, Kind = InsightKind.Feedback, Conversation = "c", Page = "login-assistance", Section = "forgot-password", Helpful = true, Question = "reset" },
        ]);

        var first = report.Unhelpful[0];
        Assert.Equal(("billing-support", "pay-invoice", 1, 1), (first.Page, first.Section, first.No, first.Yes));
        Assert.Equal("Paying an Exostar invoice", first.Heading);
        Assert.Equal("can i pay in euros", Assert.Single(report.Unanswered).Examples.Single());
    }

    [Fact]
    public void A_funnel_counts_starts_each_step_once_per_conversation_in_the_files_order_and_how_the_flows_ended()
    {
        var report = Builder.Build(Day1, Day1,
        [
            Flow("a", InsightKind.FlowStarted, "login-assistance"), Flow("a", InsightKind.FlowStep, "login-assistance", "what-is-happening"),
            Flow("a", InsightKind.FlowStep, "login-assistance", "what-is-happening"), Flow("a", InsightKind.FlowCompleted, "login-assistance", "user-id-self-service"),
            Flow("b", InsightKind.FlowStarted, "login-assistance"), Flow("b", InsightKind.FlowStep, "login-assistance", "what-is-happening"),
            Flow("b", InsightKind.Handoff, "login-assistance"),
            Flow("c", InsightKind.FlowStarted, "login-assistance"),
        ]);

        var funnel = Assert.Single(report.Funnels, f => f.Flow == "login-assistance");
        Assert.Equal((3, 1, 1, 1), (funnel.Started, funnel.Completed, funnel.HandedOff, funnel.Abandoned));
        Assert.Equal(new StepReached("what-is-happening", 2), funnel.Steps[0]);
        Assert.Equal("user-id-email", funnel.Steps[1].Step);
        Assert.Equal(0, funnel.Steps[1].Reached);
    }
}
