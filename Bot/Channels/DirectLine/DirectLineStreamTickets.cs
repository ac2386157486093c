using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// What a stream address carries instead of the token: a browser cannot put a token in a WebSocket's headers, so
/// something in the address must say who is connecting, and an address ends up in proxy logs and browser history.
/// A ticket opens one stream, once, within a minute of being issued, and only the stream of the token it stands
/// for; the token itself (which posts and reads the conversation for its whole life) never appears in an address.
/// Every address the server hands out (start, reconnect) has a fresh ticket, which is also how directlinejs
/// reconnects: it asks for a new address. Kept in memory, as the local Direct Line's conversations are.
/// </summary>
public sealed class DirectLineStreamTickets(TimeProvider clock)
{
    /// <summary>Long enough for a client to open the address it was just given.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Past this many outstanding tickets, issuing one first drops the expired (tickets nobody redeemed).</summary>
    private const int SweepAbove = 1024;

    private readonly ConcurrentDictionary<string, Ticket> tickets = new(StringComparer.Ordinal);

    public string Issue(string token)
    {
        var now = clock.GetUtcNow();
        if (tickets.Count > SweepAbove)
        {
            foreach (var (id, ticket) in tickets)
                if (ticket.Expires <= now) tickets.TryRemove(id, out _);
        }
        var issued = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        tickets[issued] = new Ticket(token, now + Lifetime);
        return issued;
    }

    /// <summary>The token <paramref name="ticket"/> stands for, once: null if it is unknown, used or expired.</summary>
    public string? Redeem(string? ticket) =>
        ticket is { Length: > 0 } && tickets.TryRemove(ticket, out var found) && found.Expires > clock.GetUtcNow() ? found.Token : null;

    private sealed record Ticket(string Token, DateTimeOffset Expires);
}
