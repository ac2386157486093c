using System.Threading.RateLimiting;
using MagLearn.Bot.Hosting;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Limits;

/// <summary>
/// The per-conversation limit of <c>/api/messages</c>. The conversation is in the body, so it is counted once the
/// endpoint has read the activity and checked its token: a stranger without a token cannot spend someone else's
/// conversation's turns.
/// </summary>
/// <param name="buckets">Null when the limit is off: every turn is admitted.</param>
internal sealed class ConversationTurnLimit(PartitionedRateLimiter<string>? buckets) : ITurnAdmission
{
    public TimeSpan? TryAdmit(Activity activity)
    {
        if (buckets is null) return null;
        using var lease = buckets.AttemptAcquire($"{activity.ChannelId}|{activity.Conversation?.Id}");
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }
}
