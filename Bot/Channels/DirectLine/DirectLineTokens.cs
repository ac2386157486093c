using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// Tokens of the local Direct Line: HS256 JWTs shaped like Azure's (<c>conv</c>, <c>user</c>, <c>nbf</c>, <c>exp</c>)
/// so Web Chat reads the user id from the token as it does in production. Each opens one conversation only. The
/// signing key is made per process: tokens are as short-lived as the in-memory conversations they open.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "maglearn-local-directline";
    private const string Audience = "maglearn-directline-client";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey key = new(RandomNumberGenerator.GetBytes(32));
    private readonly TimeSpan lifetime;

    public DirectLineTokens(IOptions<DirectLineOptions> options) =>
        lifetime = TimeSpan.FromSeconds(options.Value.Local.TokenLifetimeSeconds);

    public int LifetimeSeconds => (int)lifetime.TotalSeconds;

    public string Issue(string conversationId, string userId)
    {
        var now = DateTime.UtcNow;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = userId },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
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
            ClockSkew = TimeSpan.Zero,
        });
        if (!result.IsValid)
            return new TokenCheck(null, null, result.Exception is SecurityTokenExpiredException ? "TokenExpired" : "BadArgument");
        var conversation = result.Claims.TryGetValue("conv", out var c) ? c as string : null;
        var user = result.Claims.TryGetValue("user", out var u) ? u as string : null;
        return conversation is null || user is null ? new TokenCheck(null, null, "BadArgument") : new TokenCheck(conversation, user, null);
    }
}

/// <summary>A token's conversation and user, or the Direct Line error code that refuses it.</summary>
public sealed record TokenCheck(string? ConversationId, string? UserId, string? Error);
