using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Routing;

/// <summary>
/// The trained router on kinds of message, with the real model and content. None of these messages is a routing
/// example: each stands for a kind the router must have learned, not a line it could have memorised.
/// </summary>
public class RouterKindsTests
{
    private static AskResult Ask(string text) => RealSemanticKnowledge.Router.Ask(text, snippets: false);

    [Theory]
    [InlineData("honestly I would rather sort this out with one of your staff")]
    [InlineData("can a real human being please look at my case")]
    [InlineData("I want to raise a support ticket about this")]
    public void A_person_asked_for_in_other_words_gets_the_hand_off(string text)
    {
        Assert.Equal((AskRoute.Dialog, "support-handoff"), (Ask(text).Route, Ask(text).Dialog));
    }

    [Theory]
    [InlineData("I forgot my password", "hi there, good morning! hope you are well. I forgot my password. thanks so much in advance")]
    [InlineData("what payment methods do you accept", "hello! quick question from our accounts team: what payment methods do you accept? cheers")]
    [InlineData("our org admin left the company", "sorry to bother you again, long week here. so our org admin left the company. any help appreciated")]
    public void Greetings_and_filler_around_the_need_do_not_change_the_route(string need, string wrapped)
    {
        Assert.Equal((Ask(need).Route, Ask(need).Dialog), (Ask(wrapped).Route, Ask(wrapped).Dialog));
    }

    [Theory]
    [InlineData("our organization administrator retired and we need someone else in that role", "change-request")]
    [InlineData("the codes from my phone authenticator are refused every time I sign in to mag", "login-assistance")]
    [InlineData("we need two more hardware tokens for new engineers", "credential-purchase")]
    public void A_problem_a_flow_handles_starts_that_flow(string text, string flow)
    {
        Assert.Equal((AskRoute.Dialog, flow), (Ask(text).Route, Ask(text).Dialog));
    }

    [Theory]
    [InlineData("how long does a change request usually take to process")]
    [InlineData("what is the difference between an organization steward and an org admin")]
    // Short, plainly worded "how do I" about a page no flow walks through: the out-of-scope list is full of "how do
    // I ..." about other products, which must not make the way of asking itself foreign.
    [InlineData("where can I edit my mag profile")]
    [InlineData("how do I see which applications I can use")]
    [InlineData("how do I reach the billing center")]
    [InlineData("how do I send an invitation to a supplier company")]
    public void A_question_asking_for_information_is_answered(string text)
    {
        Assert.Equal(AskRoute.Answer, Ask(text).Route);
    }

    [Theory]
    [InlineData("my comcast email password stopped working")]
    [InlineData("how do I change my name on my twitter profile")]
    [InlineData("where do I pay my water bill online")]
    public void A_question_about_another_product_gets_the_fallback_though_it_shares_mags_words(string text)
    {
        Assert.Equal(AskRoute.Fallback, Ask(text).Route);
    }

    [Fact]
    public void The_confidence_is_the_chosen_routes_probability()
    {
        var result = Ask("I forgot my password");

        Assert.Equal(result.Routes[0].Probability, result.Confidence);
        Assert.Equal(1.0, result.Routes.Sum(r => r.Probability), 6);
    }

    [Fact]
    public void The_router_was_measured_on_questions_it_did_not_see()
    {
        var router = RealSemanticKnowledge.KnowledgeBase.Current.MeaningRouter!;

        Assert.Equal(5, router.Figures.Folds);
        Assert.True(router.Figures.RouteAccuracy > 0.9, $"held-out route accuracy {router.Figures.RouteAccuracy:0.000}");
        Assert.InRange(router.Temperature, 0.4, 4.0);
    }
}
