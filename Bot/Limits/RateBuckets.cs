using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace MagLearn.Bot.Limits;

/// <summary>
/// The buckets requests are counted in: ASP.NET Core's token buckets, one per client address and kind of request,
/// and one per conversation for the kinds that have one. A bucket holds a minute's worth of requests and refills
/// evenly, so a person's burst passes and a script's steady flood does not. Buckets nobody uses are dropped by the
/// partitioned limiter, so strangers cannot fill memory with addresses.
/// </summary>
internal static class RateBuckets
{
    /// <summary>Every request: its address's bucket for its kind, then (Direct Line posts) its conversation's.</summary>
    public static PartitionedRateLimiter<HttpContext> ForRequests(LimitsOptions options) => PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var (kind, _) = RequestKinds.Of(http.Request);
            var perMinute = options.LimitOf(kind)?.PerAddress ?? 0;
            return perMinute == 0
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter($"{kind}|{Client(http.Connection.RemoteIpAddress)}", _ => PerMinute(perMinute));
        }),
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var (kind, conversation) = RequestKinds.Of(http.Request);
            var perMinute = conversation is null ? 0 : options.LimitOf(kind)?.PerConversation ?? 0;
            return perMinute == 0
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter($"{kind}|{conversation}", _ => PerMinute(perMinute));
        }));

    /// <summary>
    /// Whose bucket an address is: an IPv4 address its own, an IPv6 address its /64, the block one household or
    /// one server is given, so a single caller cannot take a fresh bucket for every address of its block.
    /// </summary>
    public static string Client(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Turns of one conversation through <c>/api/messages</c>, keyed by channel and conversation id.</summary>
    public static PartitionedRateLimiter<string> ForConversations(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => PerMinute(perMinute)));

    /// <summary>A minute's worth of requests at once, refilled evenly: every second, or one at a time when fewer than 60.</summary>
    public static TokenBucketRateLimiterOptions PerMinute(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute >= 60 ? perMinute / 60 : 1,
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
