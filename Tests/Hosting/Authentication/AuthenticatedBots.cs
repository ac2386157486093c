using MagLearn.Tests.ScaleOut;
using MagLearn.Tests.Storage;

namespace MagLearn.Tests.Hosting.Authentication;

/// <summary>
/// Two registered bots (a <c>MicrosoftAppId</c> set), each its own process: one whose channel keys come from the
/// test's <see cref="ChannelTokenIssuer"/> through the SDK's configuration (the settings a sovereign cloud uses),
/// and one whose key metadata cannot be fetched, as on a host without network.
/// </summary>
public sealed class AuthenticatedBots : IAsyncLifetime
{
    public const string AppId = "6f1d5a34-4c5e-4a8e-9f54-0d1e6c1b7a01";
    public const string AdminKey = "authenticated-admin-key-0123456789";

    /// <summary>A Bot Framework channel's address: the only kind a registered bot replies to.</summary>
    public const string ServiceUrl = "https://webchat.botframework.com/";

    public ChannelTokenIssuer Issuer { get; private set; } = null!;

    public BotProcess Bot { get; private set; } = null!;

    public BotProcess WithoutKeys { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await ChannelTokenIssuer.StartAsync();
        var unreachable = $"https://127.0.0.1:{FreePort.Next()}/v1/.well-known/openidconfiguration";
        var started = await Task.WhenAll(BotProcess.StartAsync(Settings(Issuer.MetadataUrl)), BotProcess.StartAsync(Settings(unreachable)));
        (Bot, WithoutKeys) = (started[0], started[1]);
    }

    private Dictionary<string, string> Settings(string metadataUrl) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-password-never-used",
        // The SDK's own settings for a cloud of one's own; set together, they replace the public cloud's constants.
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl,
        ["ToBotFromChannelTokenIssuer"] = ChannelTokenIssuer.Issuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadataUrl,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["CallerId"] = "urn:botframework:azure",
        ["ValidateAuthority"] = "true",
        ["SSL_CERT_FILE"] = Issuer.CertificateFile,
        ["Storage__Kind"] = "Memory",
        ["Admin__ApiKey"] = AdminKey,
        ["Limits__Enabled"] = "false",
    };

    public async Task DisposeAsync()
    {
        if (Bot is not null) await Bot.DisposeAsync();
        if (WithoutKeys is not null) await WithoutKeys.DisposeAsync();
        if (Issuer is not null) await Issuer.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AuthenticatedBotsCollection : ICollectionFixture<AuthenticatedBots>
{
    public const string Name = "Authenticated bots";
}
