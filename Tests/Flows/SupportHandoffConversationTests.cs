using MagLearn.Bot.Flows;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static MagLearn.Tests.Flows.Support.ChatAssertions;

namespace MagLearn.Tests.Flows;

/// <summary>
/// Reaching a person: the contact details from the Learn content, a case summary the person can read, the same
/// summary as a <c>handoff</c> event and in conversation state, and never a secret in any of them.
/// </summary>
[Collection(FlowsCollection.Name)]
public class SupportHandoffConversationTests(FlowsHost host)
{
    [Fact]
    public async Task User_asks_for_a_person_gives_their_details_and_is_handed_off_with_a_summary()
    {
        await host.Chat().Flow()
            .Send("I want to talk to a person")
            .AssertReply(BotShowsPassage("billing-support", "contact-support"))
            .AssertReply(BotAsks("I'll also put together a summary", "Yes", "No"))
            .Send("yes")
            .AssertReply(BotAsks("What is your MAG user ID"))
            .Send("it's smithj_1234")
            .AssertReply(BotAsks("And your Organization ID"))
            .Send("4471023")
            .AssertReply(BotAsks("Anything else support should know"))
            .Send("It says error 5103 when I sign in")
            .AssertReply(reply =>
            {
                BotResolvesCiting("Here is a summary to give **Exostar Customer Support**", "login-assistance", "still-stuck")(reply);
                Assert.Contains("- In your words: \"I want to talk to a person\"", TextOf(reply));
                Assert.Contains("**smithj_1234**", TextOf(reply));
            })
            .AssertReply(BotHandsOff(summary =>
            {
                Assert.Equal("support-handoff", summary.Value<string>("flow"));
                Assert.Equal("Asked for a person", summary.Value<string>("reason"));
                Assert.Equal("I want to talk to a person", summary.Value<string>("userWords"));
                Assert.Equal("smithj_1234", summary["details"]!.Value<string>("account"));
                Assert.Equal("4471023", summary["details"]!.Value<string>("organization-id"));
                Assert.Equal("It says error 5103 when I sign in", summary["details"]!.Value<string>("notes"));
            }))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_who_would_rather_not_add_details_is_handed_off_at_once()
    {
        await host.Chat().Flow()
            .Send(Presses("Talk to a person"))
            .AssertReply(BotShowsPassage("billing-support", "contact-support"))
            .AssertReply(BotAsks("I'll also put together a summary"))
            .Send("no thanks")
            .AssertReply(BotSays("**Case summary**"))
            .AssertReply(BotHandsOff(summary => Assert.Empty((JObject)summary["details"]!)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_fix_that_did_not_work_reaches_a_person_with_the_flow_the_branch_and_the_answers()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("I forgot my password")
            .AssertReply(BotAsks("Do you sign in with your company login"))
            .Send("no")
            .AssertReply(BotAsks("Have you tried **Forgot Password**"))
            .Send("not yet")
            .AssertReply(BotResolvesCiting("Choose **Forgot Password**", "login-assistance", "forgot-password"))
            .AssertReply(BotAsksDidThatSolveIt)
            .Send("no, it didn't")
            .AssertReply(BotSays(Replies.NotSolved))
            .AssertReply(BotShowsPassage("billing-support", "contact-support"))
            .AssertReply(BotAsks("I'll also put together a summary"))
            .Send("no")
            .AssertReply(BotSays("- Topic: Login help"))
            .AssertReply(BotHandsOff(summary =>
            {
                Assert.Equal("login-assistance", summary.Value<string>("flow"));
                Assert.Equal("password-self-service", summary.Value<string>("branch"));
                Assert.Equal("The suggested fix did not solve it", summary.Value<string>("reason"));
                var answers = summary["answers"]!.Select(a => (a.Value<string>("question"), a.Value<string>("answer"))).ToList();
                Assert.Contains(("What is happening when you try to log in?", "I forgot my password"), answers);
                Assert.Contains(("Have you tried Forgot Password on the MAG login page yet?", "Not yet"), answers);
            }))
            .StartTestAsync();
    }

    [Fact]
    public async Task The_summary_is_kept_in_conversation_state()
    {
        var chat = host.Chat();
        await chat.Says("please let me speak to someone");
        await chat.Says("no");

        CaseSummary? kept = null;
        var runner = host.Services.GetRequiredService<FlowRunner>();
        // Not a bot turn: a turn in the same conversation that only reads what the earlier turns saved.
        await chat.Run(async (turn, ct) => kept = await runner.LastHandoffAsync(turn, ct));

        Assert.NotNull(kept);
        Assert.Equal("support-handoff", kept.Flow);
        Assert.Equal("please let me speak to someone", kept.UserWords);
    }

    [Fact]
    public async Task Secrets_typed_along_the_way_never_reach_the_summary_the_event_or_the_reply()
    {
        var chat = host.Chat();
        await chat.Says("talk to a person, my OTP code 123456 is rejected");
        await chat.Says("yes");
        await chat.Says("smithj_1234");
        await chat.Says("skip");
        var leftOut = await chat.Says("my password is Hunter2! and it fails");

        Assert.Equal(Replies.SecretLeftOut, leftOut.Texts[0]);
        Assert.DoesNotContain("Hunter2", leftOut.AllText);
        Assert.DoesNotContain("123456", leftOut.AllText);
        var sent = leftOut.HandoffEvent!.Value!.ToString()!;
        Assert.DoesNotContain("Hunter2", sent);
        Assert.DoesNotContain("123456", sent);
        Assert.Contains("my OTP code [redacted] is rejected", sent);
        Assert.Contains("my password is [redacted] and it fails", sent);
    }

    [Fact]
    public async Task A_password_typed_on_its_own_is_refused_and_the_question_asked_again()
    {
        var chat = host.Chat();
        await chat.Says("talk to a person");
        await chat.Says("yes");
        await chat.Says("skip");
        await chat.Says("skip");

        var refused = await chat.Says("Tr0ub4dor&3");

        Assert.StartsWith(Replies.SecretRefused, refused.LastText);
        Assert.EndsWith("Anything else support should know, such as the exact error message or code on your screen? Type skip if not.", refused.LastText);
        Assert.DoesNotContain("Tr0ub4dor", refused.AllText);
        var handedOff = await chat.Says("skip");
        Assert.DoesNotContain("Tr0ub4dor", handedOff.HandoffEvent!.Value!.ToString());
    }

    [Fact]
    public async Task Asking_for_a_person_again_during_the_handoff_skips_the_remaining_questions()
    {
        var chat = host.Chat();
        await chat.Says("talk to a person");
        await chat.Says("yes");

        var handedOff = await chat.Says("just get me a human");

        Assert.NotNull(handedOff.HandoffEvent);
        Assert.Contains("**Case summary**", handedOff.AllText);
    }

    [Fact]
    public async Task A_fix_from_a_flow_jumped_into_is_summarised_as_that_flow_with_every_answer_on_the_way()
    {
        var chat = host.Chat();
        await chat.Presses("Login help");
        await chat.Says("I forgot my user ID");
        await chat.Says("no");
        await chat.Says("no");

        var handedOff = await chat.Says("no");

        var summary = (JObject)handedOff.HandoffEvent!.Value!;
        Assert.Equal("change-request", summary.Value<string>("flow"));
        Assert.Equal("form-email", summary.Value<string>("branch"));
        Assert.Contains(summary["answers"]!, a => a.Value<string>("answer") == "I forgot my user ID");
    }
}
