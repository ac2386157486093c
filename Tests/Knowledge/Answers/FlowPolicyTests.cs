using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Answers;

/// <summary>
/// When a guided flow takes a message instead of a passage, with the default policy: the flow's phrasing must be
/// present in the message to the flow threshold; a stated problem then goes to the flow whatever the passages
/// score; a request for information goes to a flow only when no passage answers it.
/// </summary>
public class FlowPolicyTests
{
    private static readonly AnswerPolicy Policy = new();

    private static double JustBelow(double threshold) => threshold - 0.01;

    [Fact]
    public void A_flow_below_the_flow_threshold_never_takes_the_message()
    {
        Assert.False(Policy.PrefersFlow(JustBelow(Policy.FlowThreshold), bestPassageScore: 0, asksForInformation: false));
    }

    [Fact]
    public void A_flow_at_the_threshold_takes_a_stated_problem_no_passage_fits()
    {
        Assert.True(Policy.PrefersFlow(Policy.FlowThreshold, bestPassageScore: 0, asksForInformation: false));
    }

    [Fact]
    public void A_stated_problem_goes_to_the_flow_even_when_a_passage_fits_well()
    {
        Assert.True(Policy.PrefersFlow(0.8, bestPassageScore: 0.95, asksForInformation: false));
    }

    [Fact]
    public void A_request_for_information_stays_with_a_passage_that_answers_it()
    {
        Assert.False(Policy.PrefersFlow(1.0, bestPassageScore: Policy.FallbackThreshold, asksForInformation: true));
    }

    [Fact]
    public void A_request_for_information_goes_to_a_fitting_flow_when_no_passage_answers_it()
    {
        Assert.True(Policy.PrefersFlow(0.9, bestPassageScore: JustBelow(Policy.FallbackThreshold), asksForInformation: true));
    }

    [Fact]
    public void Validate_rejects_a_flow_threshold_outside_0_to_1()
    {
        Assert.Throws<ArgumentException>(new AnswerPolicy { FlowThreshold = 1.5 }.Validate);
    }
}
