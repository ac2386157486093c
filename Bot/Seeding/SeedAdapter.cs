using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Seeding;

/// <summary>
/// Runs turns of the real bot in-process, as a channel would, and keeps what it says: the seeded history goes
/// through the same bot, flows and recorder as live traffic, with no network in between.
/// </summary>
internal sealed class SeedAdapter : BotAdapter
{
    private readonly List<Activity> replies = [];

    /// <summary>One message to the bot; returns everything it said in reply.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(IBot bot, Activity message, CancellationToken cancellationToken)
    {
        replies.Clear();
        using var turn = new TurnContext(this, message);
        await RunPipelineAsync(turn, bot.OnTurnAsync, cancellationToken);
        return replies.ToList();
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        replies.AddRange(activities);
        return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the seeded conversations never edit a message");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the seeded conversations never delete a message");
}
