using MagLearn.Tests.Flows.Support;
using static MagLearn.Tests.Flows.Support.ChatAssertions;

namespace MagLearn.Tests.Flows;

[Collection(FlowsCollection.Name)]
public class ChangeRequestConversationTests(FlowsHost host)
{
    [Fact]
    public async Task User_whose_org_admin_left_gets_the_form_and_is_told_to_name_the_new_admins_user_id()
    {
        await host.Chat().Flow()
            .Send(Presses("Change a user or company detail"))
            .AssertReply(BotAsks("What needs to change?", "The Organization Administrator", "An email address", "The company address", "The company name", "A person's legal name"))
            .Send("our org admin")
            .AssertReply(BotAsks("Is at least one of your current Organization Administrators still available?"))
            .Send("no, she left")
            .AssertReply(BotAsks("Does the person who should become Organization Administrator already have a MAG account?"))
            .Send("yes")
            .AssertReply(BotAsks("What is their MAG user ID?"))
            .Send("jones")
            .AssertReply(BotSays("That doesn't look like a MAG user ID"))
            .Send("it's jonesk_4821")
            .AssertReply(BotSays("- your Exostar ID"))
            .AssertReply(BotResolvesCiting("put their existing **user ID** in the User ID field", "change-requests", "change-org-admin"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_with_an_available_admin_needs_no_form()
    {
        await host.Chat().Flow()
            .Send(Presses("Change a user or company detail"))
            .AssertReply(BotAsks("What needs to change?"))
            .Send("1")
            .AssertReply(BotAsks("Is at least one of your current Organization Administrators still available?"))
            .Send("yep")
            .AssertReply(BotResolvesCiting("No form is needed", "change-requests", "change-org-admin"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_whose_company_changed_its_email_domain_needs_the_form()
    {
        await host.Chat().Flow()
            .Send(Presses("Change a user or company detail"))
            .AssertReply(BotAsks("What needs to change?"))
            .Send("my email address")
            .AssertReply(BotAsks("Can the person still log in to MAG with that account?"))
            .Send("our email domain changed")
            .AssertReply(BotSays("**Change Authorization Form**"))
            .AssertReply(BotResolvesCiting("email section", "change-requests", "change-email"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_changing_their_own_address_is_sent_to_their_profile_not_a_form()
    {
        await host.Chat().Flow()
            .Send(Presses("Change a user or company detail"))
            .AssertReply(BotAsks("What needs to change?"))
            .Send("the company address")
            .AssertReply(BotAsks("Is it the organization's address, or your own contact details?"))
            .Send("my own details")
            .AssertReply(BotResolvesCiting("**My Account, Edit Profile**", "role-users", "edit-profile"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_changing_a_legal_name_is_told_the_proof_needed_is_not_published()
    {
        await host.Chat().Flow()
            .Send(Presses("Change a user or company detail"))
            .AssertReply(BotAsks("What needs to change?"))
            .Send("my last name changed, I got married")
            .AssertReply(BotSays("**Change Authorization Form**"))
            .AssertReply(BotResolvesCiting("hasn't published what proof", "change-requests", "change-legal-name"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }
}
