using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;
using static MagLearn.Tests.Flows.Support.ChatAssertions;

namespace MagLearn.Tests.Flows;

/// <summary>The login-assistance flow as people meet it: typed problems, buttons, and the fix for their case.</summary>
[Collection(FlowsCollection.Name)]
public class LoginAssistanceConversationTests(FlowsHost host)
{
    [Fact]
    public async Task User_says_I_forgot_my_password_and_is_asked_about_company_login_straight_away()
    {
        await host.Chat().Flow()
            .Send("I forgot my password")
            .AssertReply(BotAsks("Do you sign in with your company login", "Yes", "No"))
            .Send("no")
            .AssertReply(BotAsks("Have you tried **Forgot Password**", "Not yet", "Yes, but it didn't work"))
            .Send("not yet")
            .AssertReply(BotResolvesCiting("Choose **Forgot Password** on the MAG login page", "login-assistance", "forgot-password"))
            .AssertReply(BotAsksDidThatSolveIt)
            .Send("yes")
            .AssertReply(BotSays(Replies.Closing))
            .StartTestAsync();
    }

    [Fact]
    public async Task User_with_a_company_login_is_sent_to_their_own_help_desk()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("forgot my password")
            .AssertReply(BotAsks("Do you sign in with your company login"))
            .Send("yes we use SSO")
            .AssertReply(BotResolvesCiting("reset it with your **company's IT help desk**", "login-assistance", "eag-passwords"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_whose_reset_failed_during_MAG_Lite_is_told_to_wait()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("2")
            .AssertReply(BotAsks("Do you sign in with your company login"))
            .Send("nope")
            .AssertReply(BotAsks("Have you tried **Forgot Password**"))
            .Send("yes but it didn't work")
            .AssertReply(BotAsks("Is a **MAG Lite**"))
            .Send("yes")
            .AssertReply(BotResolvesCiting("wait until full service returns", "login-assistance", "mag-lite"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_whose_token_says_locked_gets_the_resync_steps()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("my account or token is locked")
            .AssertReply(BotAsks("What exactly is locked?", "My hardware token says locked", "One application is suspended", "Everyone in my company is blocked", "My whole account is locked or disabled"))
            .Send("the first one")
            .AssertReply(BotResolvesCiting("needs a **resync**", "purchase-credentials", "resync-hardware-token"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_whose_whole_company_is_blocked_without_an_admin_is_told_the_subject_line_for_support()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("locked out")
            .AssertReply(BotAsks("What exactly is locked?"))
            .Send("everyone in my company is blocked")
            .AssertReply(BotAsks("Does your company still have an active **Organization Administrator**?"))
            .Send("no")
            .AssertReply(BotResolvesCiting("No Active Org Admin for Renewal", "role-organization-administrators", "no-active-org-admin"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_who_lost_the_email_on_their_account_is_taken_into_the_email_change_request()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("I forgot my user ID")
            .AssertReply(BotAsks("Do you still get email at the address on your MAG account?"))
            .Send("no, I left that company")
            .AssertReply(BotSays("the email address on your account has to be changed first"))
            .AssertReply(BotSays("**Change Authorization Form**"))
            .AssertReply(BotResolvesCiting("for an email address change", "change-requests", "change-email"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_whose_activation_link_expired_learns_that_clicking_it_sends_a_fresh_one()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("first time login")
            .AssertReply(BotAsks("Which of these fits best?"))
            .Send("the link expired")
            .AssertReply(BotResolvesCiting("asks for your email address and sends a fresh link", "login-assistance", "activation-link-expired"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_who_sees_login_requirements_not_met_is_told_to_elevate()
    {
        await host.Chat().Flow()
            .Send(Presses("Login help"))
            .AssertReply(BotAsks("What is happening when you try to log in?"))
            .Send("my second factor isn't working")
            .AssertReply(BotAsks("Which second factor do you use to log in?"))
            .Send("phone")
            .AssertReply(BotAsks("What happens?"))
            .Send("login requirements not met")
            .AssertReply(BotResolvesCiting("**My Account, Manage OTP, Elevate**", "login-assistance", "otp-at-login"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }
}
