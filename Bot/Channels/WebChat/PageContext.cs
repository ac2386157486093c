using MagLearn.Bot.Flows.Definition;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Channels.WebChat;

/// <summary>
/// Reads the <c>webchat/join</c> event the page sends once it is connected: the portal page the chat was opened
/// from, so the login page opens straight into <c>login-assistance</c>. The value names a flow
/// (<c>{"flow": "login-assistance"}</c>) or a portal page (<c>{"page": "login"}</c>, mapped by
/// <c>WebChat:PageFlows</c>); anything else, or a flow that does not exist, leaves the chat on its welcome.
/// </summary>
public sealed class PageContext(IOptions<WebChatOptions> options, FlowCatalog catalog)
{
    public const string JoinEventName = "webchat/join";

    /// <summary>The flow this join event opens, or null.</summary>
    public string? FlowFor(IEventActivity activity)
    {
        if (!string.Equals(activity.Name, JoinEventName, StringComparison.Ordinal)) return null;
        var value = activity.Value switch
        {
            JObject o => o,
            string s when s.TrimStart().StartsWith('{') => TryParse(s),
            _ => null,
        };
        if (value is null) return null;
        var flow = value.Value<string>("flow") is { Length: > 0 } named ? named
            : value.Value<string>("page") is { Length: > 0 } page ? FlowOfPage(page)
            : null;
        return catalog.Contains(flow) ? flow : null;
    }

    private string? FlowOfPage(string page) =>
        options.Value.PageFlows.FirstOrDefault(p => string.Equals(p.Key, page, StringComparison.OrdinalIgnoreCase)).Value;

    private static JObject? TryParse(string json)
    {
        try { return JObject.Parse(json); }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }
}
