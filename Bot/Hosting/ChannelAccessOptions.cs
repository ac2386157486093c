using System.Net;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// Who may reach <c>/api/messages</c> and where the bot's replies may go (section <c>ChannelAccess</c>), besides
/// what the bot's mode allows by itself: an anonymous bot (no <c>MicrosoftAppId</c>) answers only callers on this
/// machine and replies only to addresses on it (the Bot Framework Emulator); a registered bot answers whoever holds
/// a valid channel token and replies only to the Bot Framework's channels.
/// </summary>
public sealed class ChannelAccessOptions
{
    public const string Section = "ChannelAccess";

    /// <summary>
    /// Addresses or networks (<c>10.1.2.3</c>, <c>10.0.0.0/8</c>) that may call an anonymous bot besides loopback:
    /// a developer's Emulator on another machine, say. Never needed with a <c>MicrosoftAppId</c>.
    /// </summary>
    public List<string> AnonymousCallers { get; set; } = [];

    /// <summary>
    /// Service URLs (absolute, ending in <c>/</c>) replies may go to besides the defaults: a channel of a cloud of
    /// one's own, or an Emulator tunnel for a registered bot.
    /// </summary>
    public List<string> ServiceUrls { get; set; } = [];

    /// <summary>Every problem with these settings, none when they can be used.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var caller in AnonymousCallers.Where(c => Network(c) is null))
            yield return $"ChannelAccess:AnonymousCallers: '{caller}' is not an address or a network (10.0.0.0/8)";
        foreach (var url in ServiceUrls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || !u.EndsWith('/')))
            yield return $"ChannelAccess:ServiceUrls: '{url}' must be an absolute http(s) address ending in /";
    }

    /// <summary>An address is a network of one.</summary>
    internal static IPNetwork? Network(string text)
    {
        if (IPNetwork.TryParse(text, out var network)) return network;
        return IPAddress.TryParse(text, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8) : null;
    }
}
