using MagLearn.Bot.Privacy;

namespace MagLearn.Tests.Flows.Prompts;

/// <summary>What looks like a secret is masked before anything is kept or handed on.</summary>
public class SecretRedactorTests
{
    [Theory]
    [InlineData("my password is Hunter2!", "my password is [redacted]")]
    [InlineData("password: summer", "password: [redacted]")]
    [InlineData("pw=Abc123", "pw=[redacted]")]
    [InlineData("my pwd is letmein and it fails", "my pwd is [redacted] and it fails")]
    [InlineData("the passcode is 1234 5678 9012 3456", "the passcode is [redacted]")]
    [InlineData("OTP code 123456 is rejected", "OTP code [redacted] is rejected")]
    [InlineData("it sent 8765432", "it sent [redacted]")]
    [InlineData("card 4111111111111111 was declined", "card [redacted] was declined")]
    [InlineData("card 4111 1111 1111 1111 was declined", "card [redacted] was declined")]
    [InlineData("system password abcd-EF12-gh34-IJ56", "system password [redacted]")]
    [InlineData("PIN 4321", "PIN [redacted]")]
    [InlineData("my code is 4821", "my code is [redacted]")]
    [InlineData("My SMS code: 93-11", "My SMS code: [redacted]")]
    [InlineData("pw123 does not work", "pw[redacted] does not work")]
    [InlineData("card 4111.1111.1111.1111 was declined", "card [redacted] was declined")]
    [InlineData("card 4111-1111-1111-1111 was declined", "card [redacted] was declined")]
    [InlineData("card 4111_1111_1111_1111 was declined", "card [redacted] was declined")]
    [InlineData("card 4111 / 1111 / 1111 / 1111 was declined", "card [redacted] was declined")]
    [InlineData("card 4111  1111  1111  1111 was declined", "card [redacted] was declined")]
    [InlineData("amex 3782 822463 10005 expired", "amex [redacted] expired")]
    [InlineData("amex 3782.822463.10005 expired", "amex [redacted] expired")]
    public void Secrets_are_masked_and_the_rest_is_kept(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("I forgot my password")]
    [InlineData("my password is not working")]
    [InlineData("the password is expired")]
    [InlineData("password reset link is broken")]
    [InlineData("I get error 2035 and then 5103")]
    [InlineData("my user id is smithj_1234")]
    [InlineData("order SO-12345 and org 4471")]
    [InlineData("where is the passcode email?")]
    [InlineData("my code is not working")]
    [InlineData("my error code is 2035")]
    [InlineData("call 0800 555 1234 before 2024-01-15")]
    [InlineData("reference SO-1234567 and PO-9876543210123")]
    public void Descriptions_of_a_problem_are_left_alone(string text) =>
        Assert.Equal(text, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("Summer2024!")]
    public void A_lone_word_mixing_cases_digits_and_symbols_is_treated_as_a_password(string text) =>
        Assert.Equal(SecretRedactor.Mask, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("smithj_1234")]
    [InlineData("pat.smith@example.com")]
    [InlineData("Registration")]
    public void A_lone_user_id_email_or_word_is_not(string text) =>
        Assert.False(SecretRedactor.ContainsSecret(text));
}
