using MagLearn.Tests.Flows.Support;
using static MagLearn.Tests.Flows.Support.ChatAssertions;

namespace MagLearn.Tests.Flows;

[Collection(FlowsCollection.Name)]
public class OrganizationRegistrationConversationTests(FlowsHost host)
{
    [Fact]
    public async Task Supplier_without_an_invitation_is_told_to_check_spam_and_ask_the_partner_to_resend()
    {
        await host.Chat().Flow()
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .Send("we never got the invitation")
            .AssertReply(BotAsks("Do you need a partner's application, or only Exostar's Certification Assistant or FIS?"))
            .Send("a partner's application")
            .AssertReply(BotResolvesCiting("**junk or spam folder**", "organization-registration", "invitation-not-received"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Supplier_with_an_expired_invitation_needs_a_new_one_from_the_partner()
    {
        await host.Chat().Flow()
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .Send("the invite expired")
            .AssertReply(BotResolvesCiting("**30 days**", "organization-registration", "invitation-expired"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_whose_company_is_already_in_MAG_is_told_to_join_it()
    {
        await host.Chat().Flow()
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .Send("my company is already in MAG")
            .AssertReply(BotAsks("What is already in MAG?", "My email address", "My company"))
            .Send("my company")
            .AssertReply(BotResolvesCiting("**join your existing organization**", "account-assistance", "find-your-admins"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task Whoever_submits_the_registration_becomes_the_org_admin()
    {
        await host.Chat().Flow()
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .Send("who becomes the organization administrator?")
            .AssertReply(BotAsks("Has your organization submitted its registration yet?"))
            .Send("not yet")
            .AssertReply(BotResolvesCiting("**submits the registration**", "organization-registration", "who-becomes-org-admin"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task When_the_org_admin_who_registered_is_gone_the_flow_continues_in_the_administrator_change_request()
    {
        await host.Chat().Flow()
            .Send(Presses("Register my organization"))
            .AssertReply(BotAsks("Where are you with registering your organization?"))
            .Send("6")
            .AssertReply(BotAsks("Has your organization submitted its registration yet?"))
            .Send("yes")
            .AssertReply(BotAsks("Is the current Organization Administrator available"))
            .Send("no")
            .AssertReply(BotSays("goes through Exostar's Change Authorization Form"))
            .AssertReply(BotAsks("Does the person who should become Organization Administrator already have a MAG account?"))
            .Send("no")
            .AssertReply(BotSays("**Change Authorization Form**"))
            .AssertReply(BotResolvesCiting("none of your Organization Administrators is available", "change-requests", "change-org-admin"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }
}
