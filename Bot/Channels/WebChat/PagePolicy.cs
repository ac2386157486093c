using MagLearn.Bot.Channels.DirectLine;

namespace MagLearn.Bot.Channels.WebChat;

/// <summary>
/// The Content-Security-Policy of the pages in wwwroot (the chat, the sample portal page): scripts from this host
/// only, never evaluated, and styles from this host or carrying the page's nonce (<see cref="NoncedPages"/>);
/// connections to this host (Direct Line over HTTP and WebSocket) and to Azure's Direct Line when that is the one
/// configured; framed by the portal's origins and by nobody else.
/// </summary>
internal sealed class PagePolicy(WebChatOptions webChat, DirectLineOptions directLine)
{
    private readonly string frameAncestors = "frame-ancestors 'self'" + string.Concat(webChat.AllowedOrigins.Select(o => " " + o));

    private readonly string azure = directLine.Azure.Secret.Length > 0 && Uri.TryCreate(directLine.Azure.Domain, UriKind.Absolute, out var domain)
        ? $" https://{domain.Authority} wss://{domain.Authority}"
        : "";

    /// <summary>
    /// Web Chat writes one element with an empty <c>style</c> attribute: allowed by its hash (that of nothing), which
    /// 'unsafe-hashes' applies to attributes. No other style attribute matches it, and an empty one styles nothing.
    /// </summary>
    private static readonly string EmptyStyleAttribute = Headers.SecurityHeaders.StyleHash("");

    /// <summary>The WebSocket address of this host is named as the request reached it: 'self' covers it in newer browsers only.</summary>
    /// <param name="nonce">The page's nonce: on its script and style elements, and on those Web Chat and the widget write.</param>
    public string For(HttpRequest request, string nonce)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host;
        return $"default-src 'none'; script-src 'self'; style-src 'self' 'nonce-{nonce}' 'unsafe-hashes' {EmptyStyleAttribute}; img-src 'self' data: blob:; " +
               $"font-src 'self' data:; connect-src 'self' {socket}{azure}; frame-src 'self'; " +
               $"base-uri 'none'; form-action 'none'; object-src 'none'; {frameAncestors}";
    }
}
