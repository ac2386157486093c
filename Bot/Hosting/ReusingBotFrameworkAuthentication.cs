using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// The framework's channel authentication, with the clients it builds for every turn kept instead.
///
/// Why: <see cref="Microsoft.Bot.Builder.CloudAdapterBase"/> asks for a Connector client and a user-token client
/// on every turn and disposes both when the turn ends. Building a Connector-style client parses a handful of
/// regular expressions and reads assembly attributes by reflection (its User-Agent), and each came with a new
/// HttpClient, so every reply to a channel would open a new connection: a large part of a short turn's CPU. A
/// Connector client per (bot app id, service URL, audience) is kept and shared, as the older BotFrameworkAdapter did; the user-token client, which only sign-in needs, is built the first time it is
/// used, so a turn that never signs anyone in never builds one.
/// </summary>
/// <remarks>
/// Given <paramref name="mayReplyTo"/> (the host's <c>ChannelAccess.MayReplyTo</c>), no client is built for a
/// service URL it refuses: the endpoint turns such activities away first, and this holds for every other way a
/// reply could be sent.
/// </remarks>
public sealed class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication inner, Func<string?, bool>? mayReplyTo = null) : BotFrameworkAuthentication
{
    /// <summary>
    /// Channels use a handful of service URLs; past this many (only a caller making them up could get there,
    /// since an anonymous bot takes any URL), clients are built per turn again, as the framework does.
    /// </summary>
    public const int MaxKeptClients = 64;

    private readonly ConcurrentDictionary<(string AppId, string ServiceUrl, string Audience), IConnectorClient> clients = new();

    /// <summary>How many Connector clients are kept.</summary>
    public int KeptClients => clients.Count;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        if (result.ConnectorFactory is { } factory) result.ConnectorFactory = new KeptConnectors(this, AppIdOf(result.ClaimsIdentity), factory);
        return result;
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new KeptConnectors(this, AppIdOf(claimsIdentity), inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    /// <summary>The bot's app id as the framework reads it: the audience claim of a channel's token, else the app id claim.</summary>
    private static string AppIdOf(ClaimsIdentity? identity) =>
        identity?.FindFirst(AuthenticationConstants.AudienceClaim)?.Value ?? identity?.FindFirst(AuthenticationConstants.AppIdClaim)?.Value ?? "";

    private async Task<IConnectorClient> ClientAsync(string appId, ConnectorFactory factory, string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        if (mayReplyTo is not null && !mayReplyTo(serviceUrl))
            throw new UnauthorizedAccessException("the bot does not send replies to that service URL");
        var key = (appId, serviceUrl, audience ?? "");
        if (clients.TryGetValue(key, out var kept)) return new SharedConnectorClient(kept);
        var created = await factory.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (clients.Count >= MaxKeptClients) return created;
        if (clients.TryAdd(key, created)) return new SharedConnectorClient(created);
        // Another turn kept one first: use that, and let this one go as the framework would.
        created.Dispose();
        return new SharedConnectorClient(clients[key]);
    }

    private sealed class KeptConnectors(ReusingBotFrameworkAuthentication owner, string appId, ConnectorFactory factory) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            owner.ClientAsync(appId, factory, serviceUrl, audience, cancellationToken);
    }
}
