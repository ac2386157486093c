using MagLearn.Bot.Wording;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Flows.Support;

/// <summary>
/// A conversation with the bot through the Bot Framework's <see cref="TestAdapter"/>, one user message at a time,
/// returning everything the bot said in reply to it. Used where a test needs to look at a whole turn (the
/// branch walker); the hand-written conversations use <see cref="TestFlow"/> directly.
/// </summary>
public sealed class Chat
{
    private readonly TestAdapter adapter;
    private readonly BotCallbackHandler bot;

    public Chat(IBot bot, ConversationReference conversation)
    {
        adapter = new TestAdapter(conversation);
        // A channel gives every message an id unique in its conversation; a TestAdapter counts from 0, so two chats
        // over one conversation (two instances, a restart) would send different messages under one id, and the
        // bot takes a message whose id it has taken before for a retry of it.
        this.bot = (turn, ct) =>
        {
            turn.Activity.Id = Guid.NewGuid().ToString("N");
            return bot.OnTurnAsync(turn, ct);
        };
        Conversation = conversation;
    }

    public ConversationReference Conversation { get; }

    public static ConversationReference NewConversation(string channel = "test")
    {
        var conversation = TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"));
        conversation.ChannelId = channel;
        return conversation;
    }

    public TestFlow Flow() => new(adapter, bot);

    public async Task<Turn> Says(string text)
    {
        await adapter.SendTextToBotAsync(text, bot, CancellationToken.None);
        return Replies();
    }

    /// <summary>A welcome button: its title as the text and the help area as data, as the channel sends it.</summary>
    public async Task<Turn> Presses(string helpArea)
    {
        var activity = adapter.MakeActivity(helpArea);
        activity.Value = new JObject { ["helpArea"] = helpArea };
        await adapter.ProcessActivityAsync(activity, bot, CancellationToken.None);
        return Replies();
    }

    /// <summary>A button pressed, sent as the channel sends it: imBack its value as text, messageBack its text and its value as data.</summary>
    public Task<Turn> Clicks(CardAction button) => button.Type == ActionTypes.MessageBack
        ? Sends(new Activity { Type = ActivityTypes.Message, Text = button.Text, Value = button.Value is JToken token ? token.DeepClone() : button.Value })
        : Says(button.Value?.ToString() ?? button.Title);

    public async Task<Turn> Sends(Activity activity)
    {
        var made = adapter.MakeActivity(activity.Text);
        made.Type = activity.Type;
        made.Value = activity.Value;
        await adapter.ProcessActivityAsync(made, bot, CancellationToken.None);
        return Replies();
    }

    /// <summary>Runs <paramref name="callback"/> instead of the bot on one turn of this conversation (to read its state).</summary>
    public Task Run(BotCallbackHandler callback) =>
        adapter.ProcessActivityAsync(adapter.MakeActivity("(test reads state)"), callback, CancellationToken.None);

    private Turn Replies()
    {
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply) replies.Add(reply);
        return new Turn(replies);
    }
}

/// <summary>What the bot sent in one turn.</summary>
public sealed record Turn(IReadOnlyList<IActivity> Replies)
{
    public IReadOnlyList<IMessageActivity> Messages => Replies.OfType<IMessageActivity>().Where(a => a.Type == ActivityTypes.Message).ToList();

    public IReadOnlyList<string> Texts => Messages.Select(m => m.Text ?? "").ToList();

    public string LastText => Texts.LastOrDefault() ?? "";

    public string AllText => string.Join("\n---\n", Texts);

    /// <summary>The buttons offered with the last message (suggested actions on the test channel).</summary>
    public IReadOnlyList<string> Buttons => Actions.Select(a => a.Title).ToList();

    /// <summary>The last message's suggested actions, to press with <see cref="Chat.Clicks"/>.</summary>
    public IReadOnlyList<CardAction> Actions => Messages.LastOrDefault()?.SuggestedActions?.Actions.ToList() ?? [];

    /// <summary>The suggested action titled <paramref name="title"/> of the last message.</summary>
    public CardAction Button(string title) => Actions.Single(a => a.Title == title);

    public IEventActivity? HandoffEvent => Replies.OfType<IEventActivity>().FirstOrDefault(e => e.Type == ActivityTypes.Event && e.Name == "handoff");

    public override string ToString() => AllText;
}
