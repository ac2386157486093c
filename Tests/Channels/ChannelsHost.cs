using System.Net;
using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Channels;

/// <summary>
/// The real host on a real loopback port (Kestrel, not the in-memory test server), because its users are real
/// clients: HttpClient and ClientWebSocket here, botframework-directlinejs from Node, Web Chat in Chromium. The
/// local Direct Line is on (as in appsettings.json), with a server secret for <c>tokens/generate</c> and one
/// allowed portal origin.
/// </summary>
public class ChannelsHost : MagLearnHost
{
    public const string Secret = "local-directline-test-secret";
    public const string PortalOrigin = "http://portal.mag.test";

    private readonly IReadOnlyDictionary<string, string?> settings;

    public ChannelsHost() : this(new Dictionary<string, string?>()) { }

    protected ChannelsHost(IReadOnlyDictionary<string, string?> overrides)
    {
        PortalPagePort = FreePort();
        settings = new Dictionary<string, string?>
        {
            ["DirectLine:Local:Enabled"] = "true",
            ["DirectLine:Local:Secret"] = Secret,
            ["WebChat:AllowedOrigins:0"] = PortalOrigin,
            ["WebChat:AllowedOrigins:1"] = PortalPageOrigin,
            // The limits as deployed, but every test here opens conversations from the one loopback address.
            ["Limits:Enabled"] = "true",
            ["Limits:Tokens:PerAddress"] = "100000",
        }.Concat(overrides).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>
    /// A free port for a stand-in portal page (served by the browser tests), so the widget is embedded from
    /// another origin than the bot's, as on the real portal; that origin is allowed.
    /// </summary>
    public int PortalPagePort { get; }

    public string PortalPageOrigin => $"http://127.0.0.1:{PortalPagePort}";

    /// <summary>http://127.0.0.1:port, no trailing slash.</summary>
    public string BaseUrl { get; }

    public string DirectLineUrl => BaseUrl + "/v3/directline";

    public HttpClient Http() => new() { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

[CollectionDefinition(Name)]
public sealed class ChannelsCollection : ICollectionFixture<ChannelsHost>
{
    public const string Name = "Channels host";
}
