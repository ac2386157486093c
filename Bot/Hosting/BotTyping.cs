using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// The typing indicator: shown when a turn passes <see cref="DelayMs"/>, repeated every <see cref="PeriodMs"/>.
/// Not for activities that ask for their replies in the HTTP response (deliveryMode expectReplies): those replies
/// arrive all at once, and the SDK's typing loop would add to the turn's reply list from another thread while the
/// bot adds its own, which garbles the response.
/// </summary>
public sealed class BotTyping : Microsoft.Bot.Builder.IMiddleware
{
    public const int DelayMs = 300;
    public const int PeriodMs = 2000;

    private readonly ShowTypingMiddleware typing = new(delay: DelayMs, period: PeriodMs);

    public Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken = default) =>
        turn.Activity?.DeliveryMode == DeliveryModes.ExpectReplies
            ? next(cancellationToken)
            : typing.OnTurnAsync(turn, next, cancellationToken);
}
