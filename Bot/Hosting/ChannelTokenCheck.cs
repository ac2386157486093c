using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// The Bot Framework's check of a channel's token, with its outcomes told apart. The SDK throws
/// <see cref="UnauthorizedAccessException"/> for some bad tokens, but lets the token library's own exceptions
/// through for others (a malformed token, an unknown signing key, a bad signature), and a failure to fetch the
/// channels' signing keys through as well: left alone, each of those was a 500. Here a bad token is
/// <see cref="ChannelTokenOutcome.Refused"/> (401), and a check that could not be made at all is
/// <see cref="ChannelTokenOutcome.Unavailable"/> (503, and an error in the log saying why): never let through.
/// </summary>
public sealed partial class ChannelTokenCheck(BotFrameworkAuthentication authentication, IConfiguration configuration, ILogger<ChannelTokenCheck> logger)
{
    public async Task<ChannelTokenResult> CheckAsync(string authHeader, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return new ChannelTokenResult(ChannelTokenOutcome.Admitted, await authentication.AuthenticateRequestAsync(activity, authHeader, cancellationToken));
        }
        catch (Exception e) when (IsBadToken(e))
        {
            Refused(activity.ChannelId, e.GetType().Name, Shortened(e.Message));
            return new ChannelTokenResult(ChannelTokenOutcome.Refused, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Unavailable(e, activity.ChannelId, KeysUrl());
            return new ChannelTokenResult(ChannelTokenOutcome.Unavailable, null);
        }
    }

    /// <summary>
    /// What the token library throws about the token itself: missing, unreadable, unsigned, signed by a key it does
    /// not know, for someone else, from someone else, expired (<c>SecurityTokenMalformedException</c> is an
    /// <see cref="ArgumentException"/>).
    /// </summary>
    private static bool IsBadToken(Exception e) =>
        e is UnauthorizedAccessException or Microsoft.IdentityModel.Tokens.SecurityTokenException or ArgumentException or FormatException
            or System.Text.Json.JsonException or Newtonsoft.Json.JsonException;

    /// <summary>Where the keys were to come from: the configured metadata, else the public cloud's.</summary>
    private string KeysUrl() =>
        configuration["ToBotFromChannelOpenIdMetadataUrl"] is { Length: > 0 } configured ? configured
        : configuration[AuthenticationConstants.BotOpenIdMetadataKey] is { Length: > 0 } legacy ? legacy
        : AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;

    private static string Shortened(string message) => message.Length <= 200 ? message : message[..200] + "...";

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "A request on {Channel} was refused: its channel token is not valid ({Problem}: {Detail})")]
    private partial void Refused(string? channel, string problem, string detail);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error,
        Message = "A request on {Channel} was refused because the channel's token could not be checked: the Bot Framework's signing keys could not be read from {KeysUrl}")]
    private partial void Unavailable(Exception exception, string? channel, string keysUrl);
}

public enum ChannelTokenOutcome { Admitted, Refused, Unavailable }

/// <summary>What the check found; the framework's result (for the turn) only when admitted.</summary>
public sealed record ChannelTokenResult(ChannelTokenOutcome Outcome, AuthenticateRequestResult? Authenticated);
