using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;
using Newtonsoft.Json.Linq;
using static MagLearn.Tests.Flows.Support.ChatAssertions;

namespace MagLearn.Tests.Flows;

/// <summary>What a person can do at any step of any flow instead of answering: handled once, by the engine.</summary>
[Collection(FlowsCollection.Name)]
public class InterruptionTests(FlowsHost host)
{
    private const string Opening = "What is happening when you try to log in?";

    [Theory]
    [InlineData("cancel")]
    [InlineData("stop")]
    [InlineData("never mind")]
    [InlineData("quit")]
    public async Task User_stops_the_flow_and_the_bot_says_so_then_answers_normally_again(string stop)
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send(stop)
            .AssertReply(BotSays("OK, I've stopped **Login help**."))
            .Send("what payment methods do you take?")
            .AssertReply(BotShowsPassage("billing-support", "payment-methods"))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_says_start_over_and_is_asked_the_first_question_again()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("forgot password")
            .AssertReply(BotAsks("Do you sign in with your company login"))
            .Send("start over")
            .AssertReply(BotSays(Replies.StartingOver))
            .AssertReply(BotAsks(Opening))
            .Send("I forgot my user ID")
            .AssertReply(BotAsks("Do you still get email at the address on your MAG account?"))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_for_help_and_the_current_question_is_explained_then_asked_again()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("forgot password")
            .AssertReply(BotAsks("Do you sign in with your company login"))
            .Send("what do you mean?")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Accounts linked to your company login (EAG, single sign-on) have no MAG password", TextOf(reply));
                Assert.EndsWith("Do you sign in with your company login, the **Login Using Company Credential** (EAG) button?", TextOf(reply));
                Assert.Equal(["Yes", "No"], ReplyExpectations.Buttons((Microsoft.Bot.Schema.IMessageActivity)reply));
            })
            .Send("no")
            .AssertReply(BotAsks("Have you tried **Forgot Password**"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_at_did_that_solve_it_explains_what_yes_and_no_do()
    {
        await host.Chat().Flow()
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .Send("the invitation link has expired")
            .AssertReply(BotSays("**30 days**"))
            .AssertReply(BotAsksDidThatSolveIt)
            .Send("help")
            .AssertReply(BotSays("and I'll put together a summary and get you to a person"))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_for_a_person_mid_flow_and_the_handoff_carries_what_they_said_so_far()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("I forgot my password")
            .AssertReply(BotAsks("Do you sign in with your company login"))
            .Send("can I talk to a real person?")
            .AssertReply(BotSays(Replies.GettingAPerson))
            .AssertReply(BotShowsPassage("billing-support", "contact-support"))
            .AssertReply(BotAsks("I'll also put together a summary"))
            .Send("no")
            .AssertReply(BotSays("**I forgot my password**"))
            .AssertReply(BotHandsOff(summary =>
            {
                Assert.Equal("login-assistance", summary.Value<string>("flow"));
                Assert.Equal("password-company-login", summary.Value<string>("branch"));
                Assert.Equal("Asked for a person", summary.Value<string>("reason"));
                Assert.Equal("can I talk to a real person?", summary.Value<string>("userWords"));
            }))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_an_unrelated_question_mid_flow_gets_the_answer_and_then_the_same_question()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("what payment methods do you take?")
            .AssertReply(BotShowsPassage("billing-support", "payment-methods"))
            .AssertReply(BotAsks(Replies.BackToWhereWeWere + Opening, "I forgot my user ID", "I forgot my password", "I can't answer my security questions", "It's my first login or I need to activate my account", "My account or token is locked", "My one-time password or second factor isn't working"))
            .Send("2")
            .AssertReply(BotAsks("Do you sign in with your company login"))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_starts_another_flows_problem_mid_flow_and_is_asked_whether_to_switch()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("I need to buy a hardware token")
            .AssertReply(BotAsks("That sounds like a different topic. Switch to **Buy or renew a credential**?", "Yes", "No"))
            .Send("yes please")
            .AssertReply(BotSays("OK, switching to **Buy or renew a credential**."))
            .AssertReply(BotAsks("Is this a renewal of a credential you already have?"))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_declines_the_switch_and_carries_on_where_they_were()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send("I need to buy a hardware token")
            .AssertReply(BotAsks("That sounds like a different topic."))
            .Send("no")
            .AssertReply(BotAsks("OK, let's carry on. " + Replies.BackToWhereWeWere + Opening))
            .Send("my account or token is locked")
            .AssertReply(BotAsks("What exactly is locked?"))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_presses_another_welcome_button_mid_flow_and_is_asked_whether_to_switch()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("That sounds like a different topic. Switch to **Register your organization**?"))
            .Send("y")
            .AssertReply(BotSays("OK, switching to **Register your organization**."))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_presses_the_button_of_the_flow_they_are_in_and_it_carries_on()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("We're already on that. " + Replies.BackToWhereWeWere + Opening))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_presses_an_old_did_you_mean_button_mid_flow_and_sees_that_passage_then_the_question()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks(Opening))
            .Send(new Microsoft.Bot.Schema.Activity
            {
                Type = Microsoft.Bot.Schema.ActivityTypes.Message,
                Text = "Payment methods",
                Value = JObject.FromObject(new { page = "billing-support", section = "payment-methods" }),
            })
            .AssertReply(BotShowsPassage("billing-support", "payment-methods"))
            .AssertReply(BotAsks(Replies.BackToWhereWeWere + Opening))
            .StartTestAsync();
    }
}
