namespace MagLearn.Bot.Hosting;

/// <summary>
/// The HttpClients the Bot Framework's clients call channels with, all over one connection pool. Without a
/// factory the framework makes a new HttpClient (and with it new connections) for every client it builds; now
/// that Connector clients are kept for good (<see cref="ReusingBotFrameworkAuthentication"/>), their connections
/// are renewed every few minutes instead, so a channel's DNS change is still picked up.
/// </summary>
public sealed class ChannelHttpClients : IHttpClientFactory, IDisposable
{
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly SocketsHttpHandler handler = new() { PooledConnectionLifetime = ConnectionLifetime };

    /// <summary>A client over the shared pool; disposing it (as the framework's clients do) leaves the pool open.</summary>
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);

    public void Dispose() => handler.Dispose();
}
