using MagLearn.Tests.Flows.Support;
using Microsoft.Bot.Schema;

namespace MagLearn.Tests.Flows;

/// <summary>One flow, every channel: the engine's choices render by channel id, and every rendering can be answered.</summary>
[Collection(FlowsCollection.Name)]
public class ChannelTests(FlowsHost host)
{
    [Fact]
    public async Task On_a_text_only_channel_choices_are_a_numbered_list_and_a_number_picks_one()
    {
        var chat = host.Chat("sms");

        var opening = await chat.Says("login help");
        Assert.StartsWith("What is happening when you try to log in?", opening.LastText);
        Assert.Contains("1. I forgot my user ID\n2. I forgot my password\n", opening.LastText);
        Assert.Empty(opening.Buttons);

        var next = await chat.Says("2");
        Assert.StartsWith("Do you sign in with your company login", next.LastText);
        Assert.Contains("1. Yes\n2. No", next.LastText);

        Assert.StartsWith("Have you tried **Forgot Password**", (await chat.Says("2")).LastText);
    }

    [Fact]
    public async Task On_Teams_choices_are_buttons_on_a_hero_card()
    {
        var chat = host.Chat("msteams");

        var opening = await chat.Presses("Login help");

        var card = Assert.IsType<HeroCard>(opening.Messages.Single().Attachments.Single().Content);
        Assert.Equal("What is happening when you try to log in?", card.Text);
        Assert.Equal(6, card.Buttons.Count);
        Assert.Equal("I forgot my password", card.Buttons[1].Title);
        Assert.StartsWith("Do you sign in with your company login", ((HeroCard)(await chat.Clicks(card.Buttons[1])).Messages.Single().Attachments.Single().Content).Text);
    }

    [Fact]
    public async Task On_Web_Chat_choices_are_suggested_actions()
    {
        var chat = host.Chat("webchat");

        var opening = await chat.Presses("Login help");

        Assert.Equal(6, opening.Buttons.Count);
        Assert.Equal("What is happening when you try to log in?", opening.LastText);
    }
}
