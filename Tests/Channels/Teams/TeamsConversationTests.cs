using MagLearn.Bot.Channels.Teams;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Api;
using MagLearn.Tests.Support;
using Microsoft.Bot.Schema;

namespace MagLearn.Tests.Channels.Teams;

/// <summary>
/// The bot in Teams, through <c>/api/messages</c>: installed in a personal chat or a team, @mentioned in channels
/// and group chats, driven by card buttons, answering in what Teams renders.
/// </summary>
[Collection(HostCollection.Name)]
public class TeamsConversationTests(MagLearnHost host) : IAsyncLifetime
{
    private readonly HttpClient bot = host.CreateClient();
    private StubChannel connector = null!;

    public async Task InitializeAsync() => connector = await StubChannel.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    private TeamsChannel Chat(string conversationType = "personal") => new(connector, bot, conversationType);

    [Fact]
    public async Task Installed_in_a_personal_chat_it_welcomes_once_with_the_help_areas_as_card_buttons()
    {
        var reply = Assert.Single(await Chat().InstallsAsync());

        var card = TeamsChannel.Card(reply);
        Assert.Contains("not a person", card.Text);
        Assert.Contains("<b>MagLearn Bot</b>", card.Text);
        Assert.DoesNotContain("**", card.Text);
        Assert.Equal(6, card.Buttons.Count);
        Assert.All(card.Buttons, b => Assert.Equal(ActionTypes.MessageBack, b.Type));
    }

    [Fact]
    public async Task Installed_in_a_team_it_says_briefly_how_to_ask_it()
    {
        var reply = Assert.Single(await Chat("channel").InstallsAsync());

        Assert.Equal(Replies.TeamsGroupIntro, reply.Text);
    }

    [Fact]
    public async Task People_joining_a_team_later_are_not_greeted_one_by_one()
    {
        Assert.Empty(await Chat("channel").MembersAddedAsync(new ChannelAccount("29:new-colleague", "Grace Hopper")));
    }

    [Fact]
    public async Task A_channel_message_mentioning_the_bot_is_answered_as_if_the_mention_were_not_there()
    {
        var reply = Assert.Single(await Chat("channel").SaysAsync("how do I pay an invoice?"));

        Assert.Matches(@"\]\([^)\s]*/learn/billing-support#[a-z0-9-]+\)", reply.Text);
        Assert.DoesNotContain("<at>", reply.Text);
    }

    [Fact]
    public async Task In_a_group_chat_a_problem_starts_its_flow_with_card_buttons_in_html_not_markdown()
    {
        var reply = Assert.Single(await Chat("groupChat").SaysAsync("I forgot my password"));

        var card = TeamsChannel.Card(reply);
        Assert.Equal("Do you sign in with your company login, the <b>Login Using Company Credential</b> (EAG) button?", card.Text);
        Assert.Equal(["Yes", "No"], card.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task A_welcome_cards_messageBack_starts_the_flow_it_names()
    {
        var reply = Assert.Single(await Chat().SubmitsAsync(new { helpArea = "Login help" }, text: "Login help"));

        var card = TeamsChannel.Card(reply);
        Assert.Equal("What is happening when you try to log in?", card.Text);
    }

    [Fact]
    public async Task An_adaptive_cards_action_submit_with_only_a_value_starts_the_flow_too()
    {
        var reply = Assert.Single(await Chat().SubmitsAsync(new { helpArea = "Login help" }));

        Assert.Equal("What is happening when you try to log in?", TeamsChannel.Card(reply).Text);
    }

    [Fact]
    public async Task Card_buttons_walk_a_flow_to_its_cited_resolution()
    {
        var chat = Chat("channel");
        await chat.SubmitsAsync(new { helpArea = "Login help" }, text: "Login help");

        await chat.SaysAsync("I forgot my password");
        await chat.SaysAsync("No");
        var resolution = await chat.SaysAsync("Not yet");

        Assert.Contains("Choose **Forgot Password** on the MAG login page", resolution[0].Text);
        Assert.Matches(@"Source: \[Login Assistance[^\]]*\]\(http[^)]*/learn/login-assistance#forgot-password\)", resolution[0].Text);
        Assert.Equal("Did that solve it?", TeamsChannel.Card(resolution[^1]).Text);
    }
}
