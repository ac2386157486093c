using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Answers;

/// <summary>
/// The router over the real Learn pages plus one guided flow described by its trigger phrasings, as the flows
/// put themselves into the index: one search ranks both.
/// </summary>
public class RouterWithFlowsTests
{
    private static readonly SearchDocument QuokkaFlow = new(
        SearchDocument.FlowKind, "quokka-care", "", "Quokka care", "Caring for a quokka",
        "Walks a person through looking after a sick quokka.",
        ["my quokka is sick", "I need help with my quokka", "quokka will not eat"]);

    private static readonly Lazy<AskRouter> Router = new(() =>
    {
        var knowledge = new KnowledgeBase(RepoPaths.Content, () => [QuokkaFlow]);
        knowledge.Reload();
        return new AskRouter(knowledge);
    });

    [Fact]
    public void A_problem_the_flow_handles_starts_that_flow()
    {
        var result = Router.Value.Ask("help, my quokka is sick");

        Assert.Equal((AskRoute.Dialog, "quokka-care"), (result.Route, result.Dialog));
    }

    [Fact]
    public void A_flow_decision_has_a_confidence_in_0_to_1()
    {
        Assert.InRange(Router.Value.Ask("my quokka is sick").Confidence, 0, 1);
    }

    [Fact]
    public void A_flow_never_appears_among_the_passages()
    {
        var result = Router.Value.Ask("my quokka is sick", AskRouter.MaxTop);

        Assert.DoesNotContain(result.Answers, a => a.Page == "quokka-care");
    }

    [Fact]
    public void A_question_the_learn_pages_answer_is_still_answered_with_a_flow_in_the_index()
    {
        var result = Router.Value.Ask("what payment methods are accepted for invoices");

        Assert.Equal((AskRoute.Answer, (string?)null), (result.Route, result.Dialog));
        Assert.Equal("billing-support", result.Answers[0].Page);
    }

    [Fact]
    public void The_passages_shown_do_not_change_when_a_flow_joins_the_index()
    {
        const string question = "what payment methods are accepted for invoices";

        var with = Router.Value.Ask(question, 5).Answers.Select(a => a.Url);
        var without = RealKnowledge.Router.Ask(question, 5).Answers.Select(a => a.Url);

        Assert.Equal(without, with);
    }
}
