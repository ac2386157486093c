using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Prompts;

namespace MagLearn.Tests.Flows.Prompts;

/// <summary>A choice can be picked by its button, its number, its place in the list or the user's own words.</summary>
public class ChoiceMatcherTests
{
    private static readonly IReadOnlyList<FlowChoice> LoginProblems =
    [
        new("I forgot my user ID", "a", null, ["forgot my username"], 1),
        new("I forgot my password", "b", null, ["reset my password", "cant remember my password"], 2),
        new("I can't answer my security questions", "c", null, ["security questions"], 3),
        new("My account or token is locked", "d", null, ["locked out"], 4),
    ];

    [Theory]
    [InlineData("I forgot my password", 1)]
    [InlineData("i FORGOT my password!", 1)]
    [InlineData("reset my password", 1)]
    public void The_title_or_a_listed_alternative_picks_its_choice(string typed, int expected) =>
        Assert.Equal(expected, ChoiceMatcher.Exact(typed, LoginProblems));

    [Theory]
    [InlineData("2", 1)]
    [InlineData("#3", 2)]
    [InlineData("option 1", 0)]
    [InlineData("number 4", 3)]
    [InlineData("2nd", 1)]
    [InlineData("the second one", 1)]
    [InlineData("third", 2)]
    [InlineData("the first option", 0)]
    [InlineData("the last one", 3)]
    public void A_number_or_an_ordinal_picks_by_position(string typed, int expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(typed, LoginProblems));

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("the fifth one")]
    [InlineData("I need 2 tokens")]
    public void A_number_outside_the_list_or_inside_a_sentence_picks_nothing(string typed) =>
        Assert.Null(ChoiceMatcher.Numbered(typed, LoginProblems.Count));

    [Theory]
    [InlineData("forgot my password", 1)]
    [InlineData("password", 1)]
    [InlineData("I don't remember my user id", 0)]
    [InlineData("my security questions", 2)]
    [InlineData("my token is locked", 3)]
    [InlineData("passwords", 1)]
    public void The_users_own_words_pick_the_choice_they_overlap_most(string typed, int expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(typed, LoginProblems));

    [Theory]
    [InlineData("forgot")]
    [InlineData("banana bread recipe")]
    [InlineData("")]
    public void Words_shared_equally_or_not_at_all_pick_nothing(string typed) =>
        Assert.Null(ChoiceMatcher.Match(typed, LoginProblems));

    [Fact]
    public void Opening_words_need_a_clearer_match_than_an_answer_does()
    {
        Assert.Equal(1, ChoiceMatcher.ByWords("password", LoginProblems, ChoiceMatcher.AnswerThreshold));
        Assert.Null(ChoiceMatcher.ByWords("I can't log in, something about my password maybe", LoginProblems, ChoiceMatcher.TriggerThreshold));
    }
}
