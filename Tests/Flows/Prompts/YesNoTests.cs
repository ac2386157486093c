using MagLearn.Bot.Flows.Prompts;

namespace MagLearn.Tests.Flows.Prompts;

public class YesNoTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("y")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("sure")]
    [InlineData("correct")]
    [InlineData("yes, I still have it")]
    [InlineData("I do")]
    [InlineData("I can, thanks")]
    [InlineData("it did")]
    public void Ways_of_saying_yes_read_as_yes(string typed) => Assert.True(YesNo.Read(typed));

    [Theory]
    [InlineData("no")]
    [InlineData("n")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("No, I left the company")]
    [InlineData("I can't")]
    [InlineData("I don't")]
    [InlineData("it didn't work")]
    [InlineData("not yet")]
    public void Ways_of_saying_no_read_as_no(string typed) => Assert.False(YesNo.Read(typed));

    [Theory]
    [InlineData("not sure")]
    [InlineData("I don't know")]
    [InlineData("maybe")]
    [InlineData("I have no idea")]
    [InlineData("how long does the token take to arrive?")]
    [InlineData("I can not tell")]
    [InlineData("")]
    public void Anything_else_is_neither(string typed) => Assert.Null(YesNo.Read(typed));
}
