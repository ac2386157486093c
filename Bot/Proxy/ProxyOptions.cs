using System.Net;

namespace MagLearn.Bot.Proxy;

/// <summary>
/// The proxies in front of the bot (section <c>Proxy</c>) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Behind nginx every request comes from nginx's address; only a proxy named
/// here may say which client it carries, and whether that client came over HTTPS. A header from anyone else is
/// ignored, so a client cannot choose the address its requests are counted under.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>
    /// Addresses or networks (<c>10.0.0.5</c>, <c>172.28.0.0/16</c>) of the proxies. Empty: a proxy on this machine
    /// (loopback), as ASP.NET Core trusts by default.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public IEnumerable<string> Problems() =>
        TrustedProxies.Where(p => Network(p) is null).Select(p => $"Proxy:TrustedProxies: '{p}' is not an address or a network (10.0.0.0/8)");

    internal static IPNetwork? Network(string text)
    {
        if (IPNetwork.TryParse(text, out var network)) return network;
        return IPAddress.TryParse(text, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8) : null;
    }

    /// <summary>
    /// The network as written and, for IPv4, as a dual-mode socket reports it (<c>::ffff:10.0.0.5</c>): Kestrel
    /// listening on every interface sees an IPv4 proxy in the second form.
    /// </summary>
    internal static IEnumerable<IPNetwork> Forms(IPNetwork network)
    {
        yield return network;
        if (network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            yield return new IPNetwork(network.BaseAddress.MapToIPv6(), network.PrefixLength + 96);
    }
}
