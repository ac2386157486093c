using MagLearn.Bot.Choices;
using MagLearn.Bot.Menu;
using MagLearn.Bot.Wording;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Channels.Teams;

/// <summary>
/// When the bot is installed, Teams says the bot joined (not the person): in a personal chat that is the moment for
/// the welcome, once; in a team or group chat, for a short note on how to ask it. People joining a team later are
/// not greeted one by one.
/// </summary>
public static class TeamsWelcome
{
    /// <summary>What to send for this conversation update, or null when it calls for nothing.</summary>
    public static IActivity? For(ITurnContext<IConversationUpdateActivity> turn, HelpMenu menu)
    {
        var activity = turn.Activity;
        var botJoined = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true;
        if (!botJoined) return null;
        return activity.Conversation?.ConversationType is null or "personal"
            ? ChoiceRenderer.Render(activity.ChannelId, Replies.Welcome, menu.Choices())
            : MessageFactory.Text(Replies.TeamsGroupIntro);
    }
}
