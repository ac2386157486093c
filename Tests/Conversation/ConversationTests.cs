using MagLearn.Bot.Menu;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Api;
using MagLearn.Tests.Flows.Support;
using MagLearn.Tests.Knowledge.Search;
using Microsoft.Bot.Schema;

namespace MagLearn.Tests.Conversation;

[Collection(HostCollection.Name)]
public class ConversationTests(MagLearnHost host)
{
    private const string LinkToBillingSection = @"\]\([^)\s]*/learn/billing-support#[a-z0-9-]+\)";

    private static string TextOf(IActivity reply) => ((IMessageActivity)reply).Text ?? "";

    [Fact]
    public async Task User_opens_the_chat_and_is_welcomed_with_the_help_areas_as_buttons()
    {
        await host.Chat()
            .Send(ChatWithTheBot.UserJoins())
            .AssertReply(reply =>
            {
                Assert.Equal(Replies.Welcome, TextOf(reply));
                Assert.Equal(FlowPaths.Menu.Areas.Select(a => a.Title), reply.ButtonTitles());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task User_opens_the_chat_and_is_welcomed_once_not_again_for_the_bot_joining()
    {
        await host.Chat()
            .Send(ChatWithTheBot.UserJoins())
            .AssertReply(reply => Assert.Equal(Replies.Welcome, TextOf(reply)))
            .AssertNoReply("a second reply", timeout: 50)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_how_to_pay_an_invoice_and_gets_the_billing_passage_cited()
    {
        await host.Chat()
            .Send("how do I pay an invoice?")
            .AssertReply(reply =>
            {
                Assert.Contains("Read more", TextOf(reply));
                Assert.Matches(LinkToBillingSection, TextOf(reply));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_how_to_pay_an_invoice_and_the_answer_opens_with_the_passage_heading()
    {
        await host.Chat()
            .Send("how do I pay an invoice?")
            .AssertReply(reply => Assert.StartsWith("**Paying an Exostar invoice**", TextOf(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_who_won_the_football_game_and_gets_the_fallback_with_topics_to_pick()
    {
        await host.Chat()
            .Send("who won the football game last night")
            .AssertReply(reply =>
            {
                Assert.Equal(Replies.Fallback, TextOf(reply));
                Assert.Equal(FlowPaths.Menu.Areas.Select(a => a.Title), reply.ButtonTitles());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_about_another_companys_password_and_gets_the_fallback()
    {
        await host.Chat()
            .Send("how do I reset my netflix password")
            .AssertReply(reply => Assert.Equal(Replies.Fallback, TextOf(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_says_hi_and_is_greeted()
    {
        await host.Chat()
            .Send("hi")
            .AssertReply(reply => Assert.Equal(Replies.Greeting, TextOf(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_says_thanks_and_the_bot_says_youre_welcome()
    {
        await host.Chat()
            .Send("thanks a lot!")
            .AssertReply(reply => Assert.Equal(Replies.Thanks, TextOf(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_asks_for_help_and_is_told_what_the_bot_can_do()
    {
        await host.Chat()
            .Send("help")
            .AssertReply(reply =>
            {
                Assert.Equal(Replies.Help, TextOf(reply));
                Assert.NotEmpty(reply.ButtonTitles());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task User_presses_a_did_you_mean_button_and_gets_that_passage()
    {
        await host.Chat()
            .Send(ChatWithTheBot.PressesButton("Payment methods", new { page = "billing-support", section = "payment-methods" }))
            .AssertReply(reply =>
            {
                Assert.StartsWith("**Payment methods**", TextOf(reply));
                Assert.Contains("/learn/billing-support#payment-methods)", TextOf(reply));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task User_presses_a_button_for_a_passage_that_no_longer_exists_and_is_asked_to_ask_again()
    {
        await host.Chat()
            .Send(ChatWithTheBot.PressesButton("Old topic", new { page = "billing-support", section = "no-such-section" }))
            .AssertReply(reply => Assert.Equal(Replies.PassageGone, TextOf(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_picks_the_billing_help_area_and_gets_a_billing_passage()
    {
        await host.Chat()
            .Send("Billing and invoices")
            .AssertReply(reply => Assert.Matches(LinkToBillingSection, TextOf(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_sends_a_message_without_text_and_is_asked_to_type()
    {
        await host.Chat()
            .Send(new Activity { Type = ActivityTypes.Message, Text = " " })
            .AssertReply(reply => Assert.Equal(Replies.NeedText, TextOf(reply)))
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async Task User_types_hostile_input_and_gets_one_calm_reply(string input)
    {
        await host.Chat()
            .Send(new Activity { Type = ActivityTypes.Message, Text = HostileInputs.Text(input) })
            .AssertReply(reply => Assert.False(string.IsNullOrWhiteSpace(TextOf(reply))))
            .AssertNoReply("a second reply", timeout: 50)
            .StartTestAsync();
    }
}
