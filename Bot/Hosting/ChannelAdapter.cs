using MagLearn.Bot.Wording;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// The <see cref="CloudAdapter"/> with our middleware and the one place where a turn's unhandled error becomes
/// an apology to the user and a log entry (never the user's text, never a stack trace in the chat).
/// </summary>
public sealed class ChannelAdapter : CloudAdapter
{
    public ChannelAdapter(BotFrameworkAuthentication authentication, IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware, ILogger<ChannelAdapter> logger)
        : base(authentication, logger)
    {
        foreach (var part in middleware) Use(part);
        OnTurnError = async (turn, exception) =>
        {
            logger.LogError(exception, "Unhandled error in a turn of conversation {ConversationId} on {Channel}",
                turn.Activity?.Conversation?.Id, turn.Activity?.ChannelId);
            try
            {
                await turn.SendActivityAsync(Replies.SomethingWentWrong);
            }
            catch (Exception sendError)
            {
                logger.LogWarning(sendError, "Could not tell the user about the error");
            }
        };
    }

    /// <summary>
    /// Runs the turn of an activity the endpoint has already read and whose token <see cref="ChannelTokenCheck"/>
    /// admitted, and returns what the channel gets back (see <see cref="MessagesEndpoint"/>).
    /// </summary>
    public Task<InvokeResponse> ProcessAuthenticatedAsync(AuthenticateRequestResult authenticated, Microsoft.Bot.Schema.Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authenticated, activity, bot.OnTurnAsync, cancellationToken);
}
