using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Answers;

/// <summary>
/// When a guided flow takes a message instead of a passage, with the default policy: a flow needs 0.5; a message
/// stating a problem goes to a flow up to 0.15 behind the best passage; a message asking for information only to a
/// flow 0.1 ahead of it.
/// </summary>
public class FlowPolicyTests
{
    private static readonly AnswerPolicy Policy = new();

    private static AskAnswer[] BestPassage(double score) =>
        [new("login-assistance", "forgot-password", "Login Assistance", "Forgotten password", "/learn/login-assistance#forgot-password", "", score)];

    [Fact]
    public void A_flow_below_the_flow_threshold_never_takes_the_message()
    {
        Assert.False(Policy.PrefersFlow(0.49, [], asksForInformation: false));
    }

    [Fact]
    public void A_flow_above_the_threshold_takes_a_message_no_passage_fits()
    {
        Assert.True(Policy.PrefersFlow(0.6, [], asksForInformation: false));
    }

    [Fact]
    public void A_stated_problem_goes_to_a_flow_a_little_behind_the_best_passage()
    {
        Assert.True(Policy.PrefersFlow(0.8, BestPassage(0.9), asksForInformation: false));
    }

    [Fact]
    public void A_stated_problem_stays_with_a_passage_far_ahead_of_the_flow()
    {
        Assert.False(Policy.PrefersFlow(0.7, BestPassage(0.9), asksForInformation: false));
    }

    [Fact]
    public void A_request_for_information_stays_with_a_passage_as_good_as_the_flow()
    {
        Assert.False(Policy.PrefersFlow(0.9, BestPassage(0.9), asksForInformation: true));
    }

    [Fact]
    public void A_request_for_information_goes_to_a_flow_well_ahead_of_the_passage()
    {
        Assert.True(Policy.PrefersFlow(0.9, BestPassage(0.75), asksForInformation: true));
    }

    [Fact]
    public void Validate_rejects_a_flow_threshold_outside_0_to_1()
    {
        Assert.Throws<ArgumentException>(new AnswerPolicy { FlowThreshold = 1.5 }.Validate);
    }
}
