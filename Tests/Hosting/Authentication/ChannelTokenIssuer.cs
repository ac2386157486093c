using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MagLearn.Tests.Hosting.Authentication;

/// <summary>
/// Plays the Bot Framework's token service: an RSA key the test owns, published the way the Bot Framework publishes
/// its keys (OpenID metadata and a JWKS whose keys carry the channels they may sign for), over real HTTPS on a
/// loopback port, and channel tokens signed with it. The SDK only fetches metadata over HTTPS, so the server's
/// certificate is written to a PEM file that a bot process is told to trust (<c>SSL_CERT_FILE</c>): nothing is
/// added to this machine's trust store.
/// </summary>
public sealed class ChannelTokenIssuer : IAsyncDisposable
{
    /// <summary>The issuer of channel tokens, as the Bot Framework's public cloud names itself.</summary>
    public const string Issuer = "https://api.botframework.com";

    public const string KeyId = "maglearn-test-channel-key";

    private readonly WebApplication server;
    private readonly string folder;

    private ChannelTokenIssuer(WebApplication server, string folder, RSA key)
    {
        this.server = server;
        this.folder = folder;
        Key = key;
    }

    public RSA Key { get; }

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>A PEM file holding only this server's certificate, for a process's <c>SSL_CERT_FILE</c>.</summary>
    public string CertificateFile => Path.Combine(folder, "issuer.pem");

    public static async Task<ChannelTokenIssuer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("maglearn-issuer-").FullName;
        var certificate = SelfSignedLoopbackCertificate();
        await File.WriteAllTextAsync(Path.Combine(folder, "issuer.pem"), certificate.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var issuer = new ChannelTokenIssuer(app, folder, RSA.Create(2048));
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = issuer.BaseUrl + "/v1/auth",
            ["jwks_uri"] = issuer.BaseUrl + "/v1/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/keys", () => Results.Json(new { keys = new[] { issuer.PublicJwk() } }));
        await app.StartAsync();
        issuer.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return issuer;
    }

    /// <summary>
    /// A channel token as the Bot Framework sends one with each activity: for <paramref name="appId"/>, naming the
    /// service URL the activity will carry. Every part can be spoiled to make a token the bot must refuse.
    /// </summary>
    public string Mint(string appId, string serviceUrl, string issuer = Issuer, DateTime? expires = null, RSA? signedWith = null, string keyId = KeyId)
    {
        var now = DateTime.UtcNow;
        var until = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = appId,
            NotBefore = until < now ? until.AddMinutes(-30) : now.AddMinutes(-1),
            IssuedAt = until < now ? until.AddMinutes(-30) : now.AddMinutes(-1),
            Expires = until,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? Key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private Dictionary<string, object> PublicJwk()
    {
        var parameters = Key.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            // The channels this key may sign for: the SDK refuses a channel's token from a key not endorsed for it.
            ["endorsements"] = new[] { "webchat", "msteams", "directline" },
        };
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form it can use on Linux: a round trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Key.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
