using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>The tuned search over the repository's real Learn pages, for the words the issue names.</summary>
public class RealContentSearchTests
{
    private static AskResult Ask(string question) => RealKnowledge.Router.Ask(question);

    private static string? Best(string question) =>
        Ask(question).Answers.Select(a => $"{a.Page}#{a.Section}").FirstOrDefault();

    [Fact]
    public void I_forgot_my_pasword_finds_the_forgotten_password_passage()
    {
        Assert.Equal("login-assistance#forgot-password", Best("I forgot my pasword"));
    }

    [Theory]
    [InlineData("how do I reset my password")]
    [InlineData("reset password")]
    public void Resetting_a_password_finds_password_help_not_one_time_password_help(string question)
    {
        Assert.Equal("login-assistance#forgot-password", Best(question));
    }

    [Fact]
    public void Forgot_my_securty_qestions_finds_the_security_questions_passage()
    {
        Assert.Equal("login-assistance#security-questions", Best("forgot the answers to my securty qestions"));
    }

    [Fact]
    public void What_is_2fa_is_answered_from_a_passage_about_one_time_passwords()
    {
        var best = Ask("what is 2fa").Answers[0];

        Assert.Contains("otp", best.Section);
    }

    [Fact]
    public void Payment_methods_are_answered_from_the_billing_page()
    {
        Assert.Equal("billing-support#payment-methods", Best("what payment methods are accepted for invoices"));
    }
}
