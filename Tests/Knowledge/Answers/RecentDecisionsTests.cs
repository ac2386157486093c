using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Answers;

/// <summary>A repeated message's decision is kept for the snapshot that made it, and only for it.</summary>
public class RecentDecisionsTests
{
    [Fact]
    public void The_same_message_asked_again_gets_the_kept_decision()
    {
        var router = RealSemanticKnowledge.Router;

        Assert.Same(router.Ask("how do I renew my otp token"), router.Ask("how do I renew my otp token"));
    }

    [Fact]
    public void Another_shape_of_answer_is_decided_on_its_own()
    {
        var router = RealSemanticKnowledge.Router;

        Assert.NotSame(router.Ask("how do I renew my otp token", top: 3), router.Ask("how do I renew my otp token", top: 5));
    }

    [Fact]
    public void An_explained_decision_is_never_a_kept_one()
    {
        var router = RealSemanticKnowledge.Router;
        router.Ask("who can pay our invoices");

        Assert.NotNull(router.Ask("who can pay our invoices", explain: true).Explanation);
    }
}
