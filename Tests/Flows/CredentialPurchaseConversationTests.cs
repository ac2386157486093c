using MagLearn.Tests.Flows.Support;
using static MagLearn.Tests.Flows.Support.ChatAssertions;

namespace MagLearn.Tests.Flows;

[Collection(FlowsCollection.Name)]
public class CredentialPurchaseConversationTests(FlowsHost host)
{
    [Fact]
    public async Task User_buying_a_new_hardware_token_sees_the_web_store_steps_and_the_shipping_time()
    {
        await host.Chat().Flow()
            .Send(Presses("Buy or renew a credential"))
            .AssertReply(BotAsks("Which product do you need?"))
            .Send("a hardware token")
            .AssertReply(BotAsks("Is this a renewal of a credential you already have?", "Yes", "No"))
            .Send("no")
            .AssertReply(BotShowsPassage("purchase-credentials", "buy-otp-credential"))
            .AssertReply(BotResolvesCiting("shipped in 3 to 5 business days", "purchase-credentials", "otp-hardware-token"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_renewing_for_colleagues_is_sent_to_subscription_renewals()
    {
        await host.Chat().Flow()
            .Send(Presses("Buy or renew a credential"))
            .AssertReply(BotAsks("Which product do you need?"))
            .Send("phone otp")
            .AssertReply(BotAsks("Is this a renewal of a credential you already have?"))
            .Send("yes")
            .AssertReply(BotAsks("Is the renewal for your own credential, or for other people in your organization?"))
            .Send("other users")
            .AssertReply(BotResolvesCiting("**Subscription Renewals** tab", "billing-support", "renew-for-others"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_outside_the_US_is_told_to_buy_the_international_phone_otp()
    {
        await host.Chat().Flow()
            .Send(Presses("Buy or renew a credential"))
            .AssertReply(BotAsks("Which product do you need?"))
            .Send("2")
            .AssertReply(BotAsks("Is this a renewal"))
            .Send("no")
            .AssertReply(BotAsks("Is your phone service in the US, or outside the US?"))
            .Send("outside the US, I'm in the UK")
            .AssertReply(BotResolvesCiting("international version of Phone OTP", "purchase-credentials", "phone-otp-and-mobile-id"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_whose_organization_is_not_subscribed_to_FIS_is_told_the_org_admin_subscribes_first()
    {
        await host.Chat().Flow()
            .Send(Presses("Buy or renew a credential"))
            .AssertReply(BotAsks("Which product do you need?"))
            .Send("FIS digital certificate")
            .AssertReply(BotAsks("Do you have FIS certificates already?"))
            .Send("no, this is my first certificate")
            .AssertReply(BotAsks("Is your organization already subscribed to FIS?"))
            .Send("no")
            .AssertReply(BotResolvesCiting("**Subscribe to Application**", "role-organization-administrators", "subscribe-to-fis"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }

    [Fact]
    public async Task User_unsure_which_credential_is_told_to_ask_the_partner()
    {
        await host.Chat().Flow()
            .Send(Presses("Buy or renew a credential"))
            .AssertReply(BotAsks("Which product do you need?"))
            .Send("not sure")
            .AssertReply(BotResolvesCiting("depends on your **partner's application**", "purchase-credentials", "choosing-a-credential"))
            .AssertReply(BotAsksDidThatSolveIt)
            .StartTestAsync();
    }
}
