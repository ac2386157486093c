using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Answers;

/// <summary>Messages that are conversation, not questions, get a short kind reply instead of a search.</summary>
public class SmallTalkDetectorTests
{
    [Theory]
    [InlineData("hi")]
    [InlineData("Hello!")]
    [InlineData("hey there")]
    [InlineData("Good morning, bot")]
    public void A_greeting_is_small_talk(string text)
    {
        Assert.Equal(SmallTalk.Greeting, SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("thanks")]
    [InlineData("Thank you so much!")]
    [InlineData("ok thanks")]
    [InlineData("thx")]
    public void Thanks_is_small_talk(string text)
    {
        Assert.Equal(SmallTalk.Thanks, SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("What can you do?")]
    [InlineData("help me please")]
    public void Asking_for_help_is_small_talk(string text)
    {
        Assert.Equal(SmallTalk.Help, SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("bye")]
    [InlineData("Goodbye!")]
    [InlineData("that's all")]
    public void A_goodbye_is_small_talk(string text)
    {
        Assert.Equal(SmallTalk.Goodbye, SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("hi, I forgot my password")]
    [InlineData("thanks, but my token is still locked")]
    [InlineData("help me reset my password")]
    [InlineData("hello how do I pay an invoice")]
    public void A_greeting_or_thanks_with_a_question_is_a_question(string text)
    {
        Assert.Equal(SmallTalk.None, SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    public void No_words_is_not_small_talk(string? text)
    {
        Assert.Equal(SmallTalk.None, SmallTalkDetector.Detect(text));
    }

    [Fact]
    public void The_router_answers_small_talk_without_a_passage()
    {
        var result = RealKnowledge.Router.Ask("thanks a lot!");

        Assert.Equal(SmallTalk.Thanks, result.SmallTalk);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void The_router_searches_for_a_greeting_with_a_question()
    {
        var result = RealKnowledge.Router.Ask("hi, I forgot my password");

        Assert.Equal(SmallTalk.None, result.SmallTalk);
        Assert.NotEmpty(result.Answers);
    }
}
