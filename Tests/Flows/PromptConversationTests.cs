using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;
using static MagLearn.Tests.Flows.Support.ChatAssertions;

namespace MagLearn.Tests.Flows;

/// <summary>How answers are read in a conversation: buttons, numbers, words, yes and no, bad input and its limit.</summary>
[Collection(FlowsCollection.Name)]
public class PromptConversationTests(FlowsHost host)
{
    private const string Opening = "What is happening when you try to log in?";
    private const string CompanyLogin = "Do you sign in with your company login";

    [Theory]
    [InlineData("I forgot my password")]
    [InlineData("2")]
    [InlineData("the second one")]
    [InlineData("2nd")]
    [InlineData("forgot my password")]
    [InlineData("i can't remember my password")]
    public async Task A_choice_is_picked_by_its_button_number_place_or_words(string typed)
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send(typed)
            .AssertReply(BotAsks(CompanyLogin))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("yeah", true)]
    [InlineData("y", true)]
    [InlineData("sure", true)]
    [InlineData("yep, we use single sign on", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("n", false)]
    [InlineData("not really", false)]
    public async Task Yes_and_no_are_read_however_they_are_typed(string typed, bool yes)
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("2")
            .AssertReply(BotAsks(CompanyLogin))
            .Send(typed)
            .AssertReply(yes ? BotSays("**company's IT help desk**") : BotAsks("Have you tried **Forgot Password**"))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_answer_that_is_not_a_choice_gets_a_hint_and_the_same_question_with_its_buttons()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("banana")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Sorry, I didn't catch which one you meant.", TextOf(reply));
                Assert.EndsWith(Opening, TextOf(reply));
                Assert.Equal(6, ReplyExpectations.Buttons((Microsoft.Bot.Schema.IMessageActivity)reply).Count);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task After_the_retry_limit_the_bot_offers_help_or_a_person_instead_of_asking_again()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("banana")
            .AssertReply(BotSays("Sorry, I didn't catch"))
            .Send("purple")
            .AssertReply(BotSays("Sorry, I didn't catch"))
            .Send("zzz")
            .AssertReply(BotAsks(Replies.Stuck, [.. Replies.StuckChoices]))
            .Send("Help with this question")
            .AssertReply(BotSays("Each of these has a different fix"))
            .Send("1")
            .AssertReply(BotAsks("Do you still get email at the address on your MAG account?"))
            .StartTestAsync();
    }

    [Fact]
    public async Task At_the_retry_limit_a_person_is_one_tap_away()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("2")
            .AssertReply(BotAsks(CompanyLogin))
            .Send("purple")
            .AssertReply(BotSays("Sorry, I need a yes or a no"))
            .Send("orange")
            .AssertReply(BotSays("Sorry, I need a yes or a no"))
            .Send("green")
            .AssertReply(BotAsks(Replies.Stuck))
            .Send("Talk to a person")
            .AssertReply(BotSays(Replies.GettingAPerson))
            .AssertReply(BotShowsPassage("billing-support", "contact-support"))
            .AssertReply(BotAsks("I'll also put together a summary"))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_typed_answer_that_fails_its_validator_gets_the_validators_hint()
    {
        await host.Chat().Flow()
            .Send(Presses("Talk to a person"))
            .AssertReply(BotShowsPassage("billing-support", "contact-support"))
            .AssertReply(BotAsks("I'll also put together a summary"))
            .Send("yes")
            .AssertReply(BotAsks("What is your MAG user ID"))
            .Send("pat smith")
            .AssertReply(BotSays("Please type your MAG user ID (like smithj_1234) or the email address on your account"))
            .Send("pat.smith@example.com")
            .AssertReply(BotAsks("And your Organization ID"))
            .Send("acme")
            .AssertReply(BotSays("That doesn't look like an Organization ID"))
            .Send("I don't have it")
            .AssertReply(BotAsks("Anything else support should know"))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_password_typed_at_a_choice_is_not_echoed_not_kept_and_the_question_is_asked_again()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("my password is Hunter2!")
            .AssertReply(reply =>
            {
                Assert.StartsWith(Replies.SecretRefused, TextOf(reply));
                Assert.EndsWith(Opening, TextOf(reply));
                Assert.DoesNotContain("Hunter2", TextOf(reply));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Side_questions_do_not_count_towards_the_retry_limit()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("banana")
            .AssertReply(BotSays("Sorry, I didn't catch"))
            .Send("what payment methods do you take?")
            .AssertReply(BotShowsPassage("billing-support", "payment-methods"))
            .AssertReply(BotAsks(Replies.BackToWhereWeWere + Opening))
            .Send("purple")
            .AssertReply(BotSays("Sorry, I didn't catch"))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("thanks!")]
    [InlineData("great, thanks")]
    public async Task Thanks_after_a_resolution_means_it_solved_it(string thanks)
    {
        await host.Chat().Flow()
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .Send("the invitation link has expired")
            .AssertReply(BotSays("**30 days**"))
            .AssertReply(BotAsksDidThatSolveIt)
            .Send(thanks)
            .AssertReply(BotSays(Replies.Closing))
            .StartTestAsync();
    }
}
