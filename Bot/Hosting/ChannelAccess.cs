using System.Net;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// The two questions the channel endpoint asks besides the token: may this caller talk to the bot at all, and may
/// a reply go to the service URL an activity names? An anonymous bot checks no token, so anyone who reached it
/// could have it post to an address of their choosing (a request from the server's own network position) and write
/// state and transcripts for any conversation; it is therefore kept to this machine. A registered bot's callers are
/// proven by their token, and its replies go only to the Bot Framework's channels.
/// </summary>
public sealed class ChannelAccess
{
    /// <summary>
    /// Where the Bot Framework's channels live: Web Chat and Direct Line (<c>*.botframework.com</c>), Teams
    /// (<c>smba.trafficmanager.net</c>, and its government clouds under <c>teams.microsoft.com</c> and
    /// <c>teams.microsoft.us</c>) and the US government Bot Framework (<c>*.botframework.azure.us</c>).
    /// </summary>
    private static readonly string[] ChannelDomains =
        ["botframework.com", "trafficmanager.net", "teams.microsoft.com", "teams.microsoft.us", "botframework.azure.us"];

    private readonly IPNetwork[] anonymousCallers;
    private readonly Uri[] serviceUrls;

    public ChannelAccess(IOptions<ChannelAccessOptions> options, IConfiguration configuration)
    {
        AuthenticationRequired = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        anonymousCallers = options.Value.AnonymousCallers.Select(c => ChannelAccessOptions.Network(c)!.Value).ToArray();
        serviceUrls = options.Value.ServiceUrls.Select(u => new Uri(u)).ToArray();
    }

    /// <summary>Whether callers must show a channel token (a <c>MicrosoftAppId</c> is set).</summary>
    public bool AuthenticationRequired { get; }

    /// <summary>Anyone may try a registered bot (the token decides); an anonymous one answers this machine and the listed callers.</summary>
    public bool MayCall(IPAddress? caller)
    {
        if (AuthenticationRequired) return true;
        if (caller is null) return false;
        if (caller.IsIPv4MappedToIPv6) caller = caller.MapToIPv4();
        return IPAddress.IsLoopback(caller) || anonymousCallers.Any(network => network.Contains(caller));
    }

    /// <summary>Whether the bot may post replies to <paramref name="serviceUrl"/>.</summary>
    public bool MayReplyTo(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0) return false;
        if (serviceUrls.Any(allowed => IsUnder(url, allowed))) return true;
        return AuthenticationRequired
            ? url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && ChannelDomains.Any(domain => IsInDomain(url.IdnHost, domain))
            : url.IsLoopback;
    }

    private static bool IsInDomain(string host, string domain) =>
        host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

    private static bool IsUnder(Uri url, Uri allowed) =>
        url.Scheme == allowed.Scheme && url.Port == allowed.Port && url.IdnHost.Equals(allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
        && url.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal);
}
