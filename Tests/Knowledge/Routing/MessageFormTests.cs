using MagLearn.Knowledge.Routing;

namespace MagLearn.Tests.Knowledge.Routing;

/// <summary>Asking for information versus stating a problem, read from the grammar of the message.</summary>
public class MessageFormTests
{
    [Theory]
    [InlineData("how long does approval take after we register?")]
    [InlineData("what payment methods does exostar accept")]
    [InlineData("is there a video about first login")]
    [InlineData("my token renewed today, how long until it shows in MAG")]
    [InlineData("we have two sites. can we share one admin between them?")]
    [InlineData("who can pay our invoices")]
    public void A_question_about_facts_asks_for_information(string message)
    {
        Assert.True(MessageForm.AsksForInformation(message));
    }

    [Theory]
    [InlineData("I forgot my password")]
    [InlineData("how do I reset my password")]
    [InlineData("need to change our org admin, the person who set it up left")]
    [InlineData("I need a token, where do I order one")]
    [InlineData("my activation link expired, what now?")]
    [InlineData("can you walk me through first login")]
    public void A_stated_problem_or_a_request_for_steps_does_not(string message)
    {
        Assert.False(MessageForm.AsksForInformation(message));
    }
}
