using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// Tokens of the local Direct Line: HS256 JWTs shaped like Azure's (<c>conv</c>, <c>user</c>, <c>nbf</c>, <c>exp</c>)
/// so Web Chat reads the user id from the token as it does in production. Each opens one conversation only. The
/// signing key is made per process: tokens are as short-lived as the in-memory conversations they open. No token
/// outlives its conversation's longest life, however often it is refreshed. Time is the host's
/// <see cref="TimeProvider"/>, for issuing and for checking alike.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "maglearn-local-directline";
    private const string Audience = "maglearn-directline-client";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey key = new(RandomNumberGenerator.GetBytes(32));
    private readonly TimeSpan lifetime;
    private readonly TimeSpan maxConversationLifetime;
    private readonly TimeProvider clock;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        lifetime = TimeSpan.FromSeconds(options.Value.Local.TokenLifetimeSeconds);
        maxConversationLifetime = TimeSpan.FromSeconds(options.Value.Local.MaxConversationLifetimeSeconds);
        this.clock = clock;
    }

    /// <summary>
    /// A token for the conversation and its user: a token's lifetime from now, or less when the conversation's
    /// longest life ends sooner. Null when that end has come (JWT times are whole seconds).
    /// </summary>
    public IssuedToken? Issue(DirectLineConversation conversation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var end = (conversation.Started + maxConversationLifetime).UtcDateTime;
        var expires = now + lifetime < end ? now + lifetime : end;
        var seconds = (int)(expires - now).TotalSeconds;
        if (seconds < 1) return null;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now.AddSeconds(seconds),
            Claims = new Dictionary<string, object> { ["conv"] = conversation.Id, ["user"] = conversation.UserId },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, seconds);
    }

    /// <summary>The conversation and user a token opens, or why it opens nothing.</summary>
    public async Task<TokenCheck> CheckAsync(string token)
    {
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // The times are checked below against the host's clock; the library would read the machine's.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        });
        if (!result.IsValid) return new TokenCheck(null, null, "BadArgument");
        var now = clock.GetUtcNow().UtcDateTime;
        var jwt = (JsonWebToken)result.SecurityToken;
        if (jwt.ValidTo <= now) return new TokenCheck(null, null, "TokenExpired");
        if (jwt.ValidFrom > now) return new TokenCheck(null, null, "BadArgument");
        var conversation = result.Claims.TryGetValue("conv", out var c) ? c as string : null;
        var user = result.Claims.TryGetValue("user", out var u) ? u as string : null;
        return conversation is null || user is null
            ? new TokenCheck(null, null, "BadArgument")
            : new TokenCheck(conversation, user, null, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}

/// <summary>A token and the seconds it lives (<c>expires_in</c>).</summary>
public sealed record IssuedToken(string Token, int ExpiresIn);

/// <summary>A token's conversation, user and expiry, or the Direct Line error code that refuses it.</summary>
public sealed record TokenCheck(string? ConversationId, string? UserId, string? Error, DateTimeOffset? Expires = null);
