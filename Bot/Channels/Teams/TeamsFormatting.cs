using MagLearn.Bot.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Channels.Teams;

/// <summary>
/// Rewrites every reply sent to Teams so it shows as written (see <see cref="TeamsText"/>): in one place at the edge,
/// so the bot, the flows and their dialog files keep writing one Markdown for every channel.
/// </summary>
public sealed class TeamsFormatting : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (ChoiceRenderer.IsTeams(turnContext.Activity?.ChannelId))
        {
            turnContext.OnSendActivities(async (_, activities, send) =>
            {
                foreach (var activity in activities) Rewrite(activity);
                return await send();
            });
        }
        await next(cancellationToken);
    }

    public static void Rewrite(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message) return;
        if (!string.IsNullOrEmpty(activity.Text)) activity.Text = TeamsText.ForMessage(activity.Text);
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is HeroCard card && card.Text is { Length: > 0 } text) card.Text = TeamsText.ForCard(text);
        }
    }
}
