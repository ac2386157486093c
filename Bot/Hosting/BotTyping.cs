using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// The typing indicator: shown once a message's turn has taken <see cref="Delay"/>, then every
/// <see cref="Period"/> until the turn ends, so a quick answer comes without one. Not for activities that ask for
/// their replies in the HTTP response (deliveryMode expectReplies): those replies arrive all at once, and a typing
/// activity added to them from another thread while the bot adds its own would garble the response. Time comes
/// from a <see cref="TimeProvider"/>, so the delay can be tested without waiting for it.
/// </summary>
public sealed class BotTyping(TimeProvider? clock = null) : Microsoft.Bot.Builder.IMiddleware
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turn.Activity?.Type != ActivityTypes.Message || turn.Activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            await next(cancellationToken);
            return;
        }
        using var turnOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = ShowTypingAsync(turn, turnOver.Token);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            await turnOver.CancelAsync();
            await typing;
        }
    }

    private async Task ShowTypingAsync(ITurnContext turn, CancellationToken turnOver)
    {
        try
        {
            await Task.Delay(Delay, clock, turnOver);
            while (!turnOver.IsCancellationRequested)
            {
                // Sent through the adapter, past the turn's own send handlers: a typing indicator is not a reply.
                var typing = new Activity { Type = ActivityTypes.Typing, RelatesTo = turn.Activity.RelatesTo }
                    .ApplyConversationReference(turn.Activity.GetConversationReference());
                await turn.Adapter.SendActivitiesAsync(turn, [typing], turnOver);
                await Task.Delay(Period, clock, turnOver);
            }
        }
        catch (OperationCanceledException) when (turnOver.IsCancellationRequested)
        {
            // The turn ended: no more typing.
        }
    }
}
