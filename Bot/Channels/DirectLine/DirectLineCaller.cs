using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// Who is calling the local Direct Line: the server holding the secret (any conversation, may start new ones), or
/// a client holding a token (its own conversation only). A refusal is the Direct Line error the client expects.
/// </summary>
/// <param name="Expires">When the caller's token expires; null for the secret.</param>
public sealed record DirectLineCaller(string? ConversationId, string? UserId, string? Token, DateTimeOffset? Expires = null)
{
    public bool HasSecret => ConversationId is null;

    public bool MayOpen(string conversationId) => HasSecret || ConversationId == conversationId;

    /// <summary>Reads <c>Authorization: Bearer</c>, or <paramref name="streamToken"/> for a WebSocket, which cannot send headers.</summary>
    public static async Task<(DirectLineCaller? Caller, IResult? Refusal)> ReadAsync(
        HttpRequest request, DirectLineTokens tokens, IOptions<DirectLineOptions> options, string? streamToken = null)
    {
        var bearer = streamToken ?? BearerOf(request);
        if (string.IsNullOrEmpty(bearer))
            return (null, DirectLineErrors.Refuse(StatusCodes.Status401Unauthorized, "BadArgument", "Authorization: Bearer <token> is required"));
        if (IsSecret(bearer, options.Value.Local.Secret)) return (new DirectLineCaller(null, null, null), null);
        var check = await tokens.CheckAsync(bearer);
        if (check.Error is not null)
            return (null, DirectLineErrors.Refuse(StatusCodes.Status403Forbidden, check.Error,
                check.Error == "TokenExpired" ? "the token has expired" : "the token is not valid"));
        return (new DirectLineCaller(check.ConversationId, check.UserId, bearer, check.Expires), null);
    }

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static bool IsSecret(string bearer, string secret) =>
        secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(secret));
}

/// <summary>Direct Line's error body: <c>{"error": {"code", "message"}}</c>; clients act on the code and status.</summary>
public static class DirectLineErrors
{
    public static IResult Refuse(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    public static IResult NotFound(string conversationId) =>
        Refuse(StatusCodes.Status404NotFound, "NotFound", $"conversation {conversationId} does not exist");

    public static IResult NotYours() =>
        Refuse(StatusCodes.Status403Forbidden, "BadArgument", "the token does not open this conversation");
}
