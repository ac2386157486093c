using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Flows.Support;

/// <summary>Reply checks that read like the chat: the bot asks, says, cites, hands off.</summary>
public static class ChatAssertions
{
    /// <summary>What a welcome button sends: its title as the text and the help area as data.</summary>
    public static Activity Presses(string helpArea) => new()
    {
        Type = ActivityTypes.Message,
        Text = helpArea,
        Value = new JObject { ["helpArea"] = helpArea },
    };

    public static string TextOf(IActivity reply) => (reply as IMessageActivity)?.Text ?? "";

    /// <summary>The bot asks a question that starts with <paramref name="question"/>, offering exactly these buttons.</summary>
    public static Action<IActivity> BotAsks(string question, params string[] buttons) => reply =>
    {
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.StartsWith(question, TextOf(reply));
        if (buttons.Length > 0) Assert.Equal(buttons, ReplyExpectations.Buttons((IMessageActivity)reply));
    };

    /// <summary>The bot's message contains <paramref name="words"/>.</summary>
    public static Action<IActivity> BotSays(string words) => reply =>
    {
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Contains(words, TextOf(reply));
    };

    /// <summary>A resolution: it contains <paramref name="words"/> and links to the Learn section it comes from.</summary>
    public static Action<IActivity> BotResolvesCiting(string words, string page, string section) => reply =>
    {
        Assert.Contains(words, TextOf(reply));
        Assert.Contains($"Source: [", TextOf(reply));
        Assert.Contains($"/learn/{page}#{section})", TextOf(reply));
    };

    /// <summary>A whole Learn passage, as the answers outside a flow show it, with its "Read more" link.</summary>
    public static Action<IActivity> BotShowsPassage(string page, string section) => reply =>
    {
        Assert.StartsWith("**", TextOf(reply));
        Assert.Contains($"/learn/{page}#{section})", TextOf(reply));
    };

    public static readonly Action<IActivity> BotAsksDidThatSolveIt = BotAsks("Did that solve it?", "Yes", "No");

    /// <summary>The hand-off event a human-agent hub listens for, with the summary as its JSON value.</summary>
    public static Action<IActivity> BotHandsOff(Action<JObject> summary) => reply =>
    {
        Assert.Equal(ActivityTypes.Event, reply.Type);
        var handoff = (IEventActivity)reply;
        Assert.Equal("handoff", handoff.Name);
        summary(Assert.IsType<JObject>(handoff.Value));
    };
}
