using MagLearn.Bot.Channels.DirectLine;

namespace MagLearn.Bot.Channels.WebChat;

/// <summary>
/// The Content-Security-Policy of the pages in wwwroot (the chat, the sample portal page): scripts from this host
/// only, never inline or evaluated; connections to this host (Direct Line over HTTP and WebSocket) and to Azure's
/// Direct Line when that is the one configured; framed by the portal's origins and by nobody else.
///
/// Styles may be inline: Web Chat writes its styles at run time into style elements of its own, and the widget
/// puts its launcher's style into the page; a nonce would need every page written per request.
/// </summary>
internal sealed class PagePolicy(WebChatOptions webChat, DirectLineOptions directLine)
{
    private readonly string frameAncestors = "frame-ancestors 'self'" + string.Concat(webChat.AllowedOrigins.Select(o => " " + o));

    private readonly string azure = directLine.Azure.Secret.Length > 0 && Uri.TryCreate(directLine.Azure.Domain, UriKind.Absolute, out var domain)
        ? $" https://{domain.Authority} wss://{domain.Authority}"
        : "";

    /// <summary>The WebSocket address of this host is named as the request reached it: 'self' covers it in newer browsers only.</summary>
    public string For(HttpRequest request)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host;
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
               $"font-src 'self' data:; connect-src 'self' {socket}{azure}; frame-src 'self'; " +
               $"base-uri 'none'; form-action 'none'; object-src 'none'; {frameAncestors}";
    }
}
