using MagLearn.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// Runs the local Direct Line's activities through the bot in process: the same middleware as
/// <c>/api/messages</c> (turn gate, transcripts, typing) and the same turn-error handler, but replies are appended
/// to the conversation's transcript instead of being posted to a Connector service. No HTTP loopback and no
/// channel credentials, so it works whatever the bot's own authentication is, and typing shows as it is sent.
/// </summary>
public sealed class DirectLineAdapter : Microsoft.Bot.Builder.BotAdapter
{
    private readonly DirectLineConversations conversations;
    private readonly ILogger<DirectLineAdapter> logger;

    public DirectLineAdapter(IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware, ChannelAdapter channelAdapter,
        DirectLineConversations conversations, ILogger<DirectLineAdapter> logger)
    {
        this.conversations = conversations;
        this.logger = logger;
        foreach (var part in middleware) Use(part);
        OnTurnError = channelAdapter.OnTurnError;
    }

    /// <summary>One turn of the bot for <paramref name="activity"/>; errors end as the turn-error handler's apology.</summary>
    public async Task RunTurnAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            using var turn = new TurnContext(this, activity);
            await RunPipelineAsync(turn, bot.OnTurnAsync, cancellationToken);
        }
        catch (Exception e)
        {
            // Only reached if the error handler itself failed; the queue of turns must go on.
            logger.LogError(e, "A Direct Line turn of conversation {ConversationId} failed", activity.Conversation?.Id);
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var conversation = conversations.Find(turnContext.Activity.Conversation?.Id);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.Delay)
            {
                await Task.Delay(Convert.ToInt32(activity.Value ?? 0), cancellationToken);
                responses[i] = new ResourceResponse();
                continue;
            }
            if (activity.Type == ActivityTypesEx.InvokeResponse || conversation is null)
            {
                responses[i] = new ResourceResponse();
                continue;
            }
            FromBot(activity, turnContext.Activity);
            // Web Chat holds a reply back for up to 5 s while it waits for the activity it answers; the start of
            // the conversation is not in the transcript, so the welcome answers nothing.
            if (activity.ReplyToId is { } replyTo && !conversation.Holds(replyTo)) activity.ReplyToId = null;
            responses[i] = new ResourceResponse(conversation.Append(activity));
        }
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var conversation = conversations.Find(turnContext.Activity.Conversation?.Id);
        FromBot(activity, turnContext.Activity);
        if (conversation is null || !conversation.Replace(activity))
            throw new InvalidOperationException($"activity {activity.Id} is not in the conversation");
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    /// <summary>Deleting is not part of what Web Chat shows over Direct Line; the transcript is append-only.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Web Chat shows suggested actions only from <c>role: "bot"</c>, and orders by timestamp.</summary>
    private static void FromBot(Activity reply, IActivity incoming)
    {
        reply.From = new ChannelAccount(incoming.Recipient?.Id, incoming.Recipient?.Name, RoleTypes.Bot);
        reply.Recipient = new ChannelAccount(incoming.From?.Id, incoming.From?.Name, RoleTypes.User);
        reply.Conversation = new ConversationAccount(id: incoming.Conversation.Id);
        reply.ChannelId = incoming.ChannelId;
        reply.ServiceUrl = incoming.ServiceUrl;
    }
}
