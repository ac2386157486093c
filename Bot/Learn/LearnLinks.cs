using MagLearn.Bot.Understanding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Learn;

/// <summary>
/// Absolute links to the bot's own Learn pages. Channels such as Teams cannot follow a relative link, so the
/// configured public address is used, or else the address this host is listening on.
/// </summary>
public sealed class LearnLinks
{
    private readonly string? configured;
    private readonly IServer? server;

    public LearnLinks(IOptions<KnowledgeOptions> options, IServer? server = null)
    {
        configured = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/');
        this.server = server;
    }

    public string To(string relativeUrl) => BaseUrl + relativeUrl;

    private string BaseUrl => configured ?? Listening() ?? "";

    private string? Listening() =>
        server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')
            .Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
}
