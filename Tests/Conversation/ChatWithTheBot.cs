using MagLearn.Tests.Api;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Conversation;

/// <summary>
/// A chat with the bot the host really runs (its <see cref="IBot"/> with the real router and content), played
/// through the Bot Framework's <see cref="TestAdapter"/>.
/// </summary>
internal static class ChatWithTheBot
{
    /// <summary>A new conversation each call: tests share one host, and a flow one test starts must not wait for the next.</summary>
    public static TestFlow Chat(this MagLearnHost host, string? conversation = null)
    {
        var bot = host.Services.GetRequiredService<IBot>();
        var adapter = new TestAdapter(TestAdapter.CreateConversation(conversation ?? $"chat-{Guid.NewGuid():N}"));
        return new TestFlow(adapter, bot.OnTurnAsync);
    }

    /// <summary>The conversation update a channel sends when the user opens the chat: the user and the bot join.</summary>
    public static Activity UserJoins(string userId = "user1") => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount(userId, "User1"), new ChannelAccount("bot", "Bot")],
    };

    /// <summary>What a "Did you mean" button sends: its title as text and the passage it stands for as value.</summary>
    public static Activity PressesButton(string title, object value) => new()
    {
        Type = ActivityTypes.Message,
        Text = title,
        Value = Newtonsoft.Json.Linq.JObject.FromObject(value),
    };

    public static IReadOnlyList<string> ButtonTitles(this IActivity reply) =>
        ((IMessageActivity)reply).SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];
}
