using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Answers;

/// <summary>
/// How a ranked list becomes a reply, with the default thresholds: answer at 0.55 and above, fallback below 0.38,
/// rival pages within 0.04 of the best turn an answer into "Did you mean".
/// </summary>
public class AnswerPolicyTests
{
    private static readonly AnswerPolicy Policy = new();

    private static AskAnswer A(string page, string section, double score) =>
        new(page, section, page + " title", section + " heading", $"/learn/{page}#{section}", "snippet", score);

    private static (AskRoute, AnswerShape) Decide(params AskAnswer[] ranked) => Policy.Decide(ranked);

    [Fact]
    public void A_clear_best_passage_above_the_answer_threshold_is_given_alone()
    {
        Assert.Equal((AskRoute.Answer, AnswerShape.Single), Decide(A("billing", "pay", 0.9), A("login", "reset", 0.6)));
    }

    [Fact]
    public void A_best_passage_exactly_at_the_answer_threshold_is_given_alone()
    {
        Assert.Equal((AskRoute.Answer, AnswerShape.Single), Decide(A("billing", "pay", 0.55)));
    }

    [Fact]
    public void A_rival_page_close_behind_the_best_turns_the_answer_into_choices()
    {
        Assert.Equal((AskRoute.Answer, AnswerShape.Choices), Decide(A("billing", "pay", 0.9), A("faqs", "pay", 0.87)));
    }

    [Fact]
    public void A_rival_page_just_outside_the_close_margin_does_not()
    {
        Assert.Equal((AskRoute.Answer, AnswerShape.Single), Decide(A("billing", "pay", 0.9), A("faqs", "pay", 0.85)));
    }

    [Fact]
    public void A_close_section_of_the_same_page_is_no_rival()
    {
        Assert.Equal((AskRoute.Answer, AnswerShape.Single),
            Decide(A("billing", "pay", 0.9), A("billing", "methods", 0.89), A("login", "reset", 0.5)));
    }

    [Fact]
    public void A_best_passage_between_the_thresholds_is_offered_as_choices()
    {
        Assert.Equal((AskRoute.Answer, AnswerShape.Choices), Decide(A("billing", "pay", 0.45), A("login", "reset", 0.2)));
    }

    [Fact]
    public void A_best_passage_exactly_at_the_fallback_threshold_is_still_offered()
    {
        Assert.Equal((AskRoute.Answer, AnswerShape.Choices), Decide(A("billing", "pay", 0.38)));
    }

    [Fact]
    public void A_best_passage_below_the_fallback_threshold_gets_the_fallback()
    {
        Assert.Equal(AskRoute.Fallback, Decide(A("billing", "pay", 0.37), A("login", "reset", 0.36)).Item1);
    }

    [Fact]
    public void No_passage_at_all_gets_the_fallback()
    {
        Assert.Equal(AskRoute.Fallback, Decide().Item1);
    }

    [Fact]
    public void Thresholds_set_in_configuration_are_the_ones_used()
    {
        var strict = new AnswerPolicy { AnswerThreshold = 0.95, FallbackThreshold = 0.8 };

        Assert.Equal((AskRoute.Answer, AnswerShape.Choices), strict.Decide([A("billing", "pay", 0.9)]));
        Assert.Equal(AskRoute.Fallback, strict.Decide([A("billing", "pay", 0.7)]).Route);
    }

    [Fact]
    public void The_default_policy_is_valid()
    {
        Assert.Null(Record.Exception(() => new AnswerPolicy().Validate()));
    }

    [Fact]
    public void Validate_rejects_a_fallback_threshold_above_the_answer_threshold()
    {
        var inverted = new AnswerPolicy { AnswerThreshold = 0.3, FallbackThreshold = 0.6 };

        Assert.Throws<ArgumentException>(inverted.Validate);
    }

    [Theory]
    [InlineData(1.2, 0.38)]
    [InlineData(0.55, -0.1)]
    public void Validate_rejects_a_threshold_outside_0_to_1(double answer, double fallback)
    {
        Assert.Throws<ArgumentException>(new AnswerPolicy { AnswerThreshold = answer, FallbackThreshold = fallback }.Validate);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Validate_rejects_a_number_of_choices_outside_2_to_5(int maxChoices)
    {
        Assert.Throws<ArgumentException>(new AnswerPolicy { MaxChoices = maxChoices }.Validate);
    }
}
