namespace MagLearn.Bot.Channels.WebChat;

/// <summary>The web chat page and the portal widget (section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// Portal origins (<c>https://portal.example.com</c>, no path) whose pages may embed the widget and call the
    /// token endpoint and the local Direct Line from the browser. Empty: same origin only.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Portal pages, as the widget's <c>data-page</c> names them, and the guided flow each opens into
    /// (<c>login</c> → <c>login-assistance</c>). A page not listed opens on the welcome.
    /// </summary>
    public Dictionary<string, string> PageFlows { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Problem()
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origin.EndsWith('/'))
                return $"WebChat:AllowedOrigins: '{origin}' is not an origin such as https://portal.example.com (scheme and host, no path, no trailing slash)";
        }
        return null;
    }
}
