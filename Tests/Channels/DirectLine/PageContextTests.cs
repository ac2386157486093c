using Newtonsoft.Json.Linq;
using static MagLearn.Tests.Channels.DirectLine.DirectLineConversationClient;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>The page says where the chat was opened (<c>webchat/join</c>); the login page opens into login help.</summary>
[Collection(ChannelsCollection.Name)]
public class PageContextTests(ChannelsHost host)
{
    private readonly HttpClient http = host.Http();

    [Fact]
    public async Task A_join_naming_a_flow_opens_straight_into_it()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();

        await chat.PostAsync(Event("webchat/join", new JObject { ["flow"] = "login-assistance" }));

        Assert.Equal("What is happening when you try to log in?", (await chat.BotMessageAsync()).Value<string>("text"));
    }

    [Fact]
    public async Task A_join_from_the_portals_login_page_opens_login_help()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();

        await chat.PostAsync(Event("webchat/join", new JObject { ["page"] = "login" }));

        Assert.Equal("What is happening when you try to log in?", (await chat.BotMessageAsync()).Value<string>("text"));
    }

    [Fact]
    public async Task A_join_from_a_page_without_a_flow_leaves_the_chat_on_its_welcome()
    {
        var chat = await StartedAsync(http);
        await chat.BotMessageAsync();

        await chat.PostAsync(Event("webchat/join", new JObject { ["page"] = "dashboard", ["flow"] = "" }));
        await chat.PostAsync(Event("webchat/join", new JObject { ["flow"] = "no-such-flow" }));
        var id = await chat.SaysAsync("thanks");
        var read = await chat.ReadUntilAsync(a => IsBotMessage(a) && a.Value<string>("replyToId") == id);

        Assert.Single(read, IsBotMessage);
    }
}
