using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Prompts;

namespace MagLearn.Tests.Flows.Prompts;

/// <summary>Typed answers are found inside what people write and returned clean, or refused.</summary>
public class AnswerValidatorsTests
{
    [Theory]
    [InlineData("smithj_1234", "smithj_1234")]
    [InlineData("SmithJ_1234", "smithj_1234")]
    [InlineData("my user id is o'brienp_0042.", "o'brienp_0042")]
    [InlineData("it's smith-jonesa_9876", "smith-jonesa_9876")]
    public void A_mag_user_id_is_last_name_initial_underscore_four_digits(string typed, string expected) =>
        Assert.Equal(expected, AnswerValidators.Validate(Expectations.UserId, typed));

    [Theory]
    [InlineData("smithj")]
    [InlineData("smithj_123")]
    [InlineData("smithj_12345")]
    [InlineData("_1234")]
    [InlineData("1smith_1234")]
    [InlineData("smithj_1234 or jonesk_5678")]
    [InlineData("smithj_1234@example.com")]
    public void Anything_else_is_not_a_user_id(string typed) =>
        Assert.Null(AnswerValidators.Validate(Expectations.UserId, typed));

    [Theory]
    [InlineData("pat.smith@example.com", "pat.smith@example.com")]
    [InlineData("it's Pat.Smith@Example.co.uk thanks", "pat.smith@example.co.uk")]
    public void An_email_address_is_found_and_lower_cased(string typed, string expected) =>
        Assert.Equal(expected, AnswerValidators.Validate(Expectations.Email, typed));

    [Theory]
    [InlineData("pat.smith")]
    [InlineData("pat@")]
    [InlineData("pat@example")]
    [InlineData("a@b.com and c@d.com")]
    public void Anything_else_is_not_an_email_address(string typed) =>
        Assert.Null(AnswerValidators.Validate(Expectations.Email, typed));

    [Theory]
    [InlineData("12345", "12345")]
    [InlineData("our org id is 4471023", "4471023")]
    [InlineData("ab12cd", "AB12CD")]
    public void An_organization_id_is_four_to_twelve_letters_and_digits_with_a_digit(string typed, string expected) =>
        Assert.Equal(expected, AnswerValidators.Validate(Expectations.OrganizationId, typed));

    [Theory]
    [InlineData("123")]
    [InlineData("acme")]
    [InlineData("1234567890123")]
    [InlineData("I don't have it")]
    public void Anything_else_is_not_an_organization_id(string typed) =>
        Assert.Null(AnswerValidators.Validate(Expectations.OrganizationId, typed));

    [Fact]
    public void The_user_id_or_email_validator_takes_either() =>
        Assert.Equal(
            ["smithj_1234", "pat.smith@example.com", null],
            new[] { "smithj_1234", "pat.smith@example.com", "pat" }.Select(t => AnswerValidators.Validate(Expectations.UserIdOrEmail, t)));

    [Fact]
    public void Every_validator_has_a_hint_for_the_re_prompt() =>
        Assert.All(Expectations.Names, name => Assert.False(string.IsNullOrWhiteSpace(AnswerValidators.Hint(name))));
}
