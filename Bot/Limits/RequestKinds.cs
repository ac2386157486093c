using MagLearn.Bot.Channels.DirectLine;
using MagLearn.Bot.Channels.WebChat;

namespace MagLearn.Bot.Limits;

/// <summary>Which limit a request falls under.</summary>
public enum RequestKind { Unlimited, Messages, Ask, DirectLine, DirectLinePost, Tokens, Admin }

/// <summary>Tells a request's kind, and its conversation where the address names one, from its method and path.</summary>
public static class RequestKinds
{
    public static (RequestKind Kind, string? Conversation) Of(HttpRequest request)
    {
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        if (path.StartsWithSegments("/api/messages")) return (post ? RequestKind.Messages : RequestKind.Unlimited, null);
        if (path.StartsWithSegments("/api/ask")) return (RequestKind.Ask, null);
        if (path.StartsWithSegments(WebChatTokenEndpoint.Path)) return (RequestKind.Tokens, null);
        if (path.StartsWithSegments("/admin")) return (RequestKind.Admin, null);
        if (!path.StartsWithSegments(DirectLineApi.BasePath, out var rest)) return (RequestKind.Unlimited, null);

        // /tokens/generate, /tokens/refresh, and POST /conversations (start): each makes a token or a conversation.
        if (rest.StartsWithSegments("/tokens") || (post && rest.Equals("/conversations"))) return (RequestKind.Tokens, null);
        // POST /conversations/{id}/activities: a turn of that conversation.
        var segments = (rest.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (post && segments is ["conversations", var conversation, "activities"]) return (RequestKind.DirectLinePost, conversation);
        return (RequestKind.DirectLine, null);
    }

    /// <summary>The limit a kind is held to; Direct Line posts count against the Direct Line figures.</summary>
    public static RequestLimit? LimitOf(this LimitsOptions options, RequestKind kind) => kind switch
    {
        RequestKind.Messages => options.Messages,
        RequestKind.Ask => options.Ask,
        RequestKind.DirectLine or RequestKind.DirectLinePost => options.DirectLine,
        RequestKind.Tokens => options.Tokens,
        RequestKind.Admin => options.Admin,
        _ => null,
    };
}
