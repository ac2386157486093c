using MagLearn.Bot.Flows.Engine;

namespace MagLearn.Tests.Flows.Prompts;

public class InterruptionsTests
{
    [Theory]
    [InlineData("cancel", Interruption.Cancel)]
    [InlineData("Stop.", Interruption.Cancel)]
    [InlineData("never mind", Interruption.Cancel)]
    [InlineData("please quit", Interruption.Cancel)]
    [InlineData("start over", Interruption.Restart)]
    [InlineData("can we start over please", Interruption.Restart)]
    [InlineData("restart", Interruption.Restart)]
    [InlineData("help", Interruption.Help)]
    [InlineData("what do you mean?", Interruption.Help)]
    [InlineData("I don't understand", Interruption.Help)]
    [InlineData("talk to a person", Interruption.Person)]
    [InlineData("agent", Interruption.Person)]
    [InlineData("human please", Interruption.Person)]
    [InlineData("no, I want to speak to a real person", Interruption.Person)]
    [InlineData("can I talk with someone from exostar support", Interruption.Person)]
    public void Commands_are_recognised_however_they_are_typed(string text, Interruption expected) =>
        Assert.Equal(expected, Interruptions.Detect(text));

    [Theory]
    [InlineData("I want to cancel my token subscription")]
    [InlineData("how do I stop getting these emails")]
    [InlineData("the restart of my computer did not help")]
    [InlineData("I forgot my password")]
    [InlineData("yes")]
    public void A_command_word_inside_an_answer_is_not_a_command(string text) =>
        Assert.Equal(Interruption.None, Interruptions.Detect(text));
}
