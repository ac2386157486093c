using System.Text;
using MagLearn.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset botframework-directlinejs (and so Web Chat) uses, over REST; the WebSocket stream
/// is <see cref="DirectLineStream"/>. Posted activities are echoed into the transcript with the id the bot sees
/// too, so Web Chat marks them sent and the bot's <c>replyToId</c> points at them.
/// </summary>
internal sealed class DirectLineApi(
    DirectLineTokens tokens,
    DirectLineStreamTickets tickets,
    DirectLineConversations conversations,
    DirectLineAdapter adapter,
    IBot bot,
    IOptions<DirectLineOptions> options,
    TimeProvider clock)
{
    public const string BasePath = "/v3/directline";

    private LocalDirectLineOptions Local => options.Value.Local;

    /// <summary>E1: the server trades the secret for a token bound to a new conversation and user.</summary>
    public async Task<IResult> GenerateTokenAsync(HttpRequest request)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(request, tokens, options);
        if (refusal is not null) return refusal;
        if (!caller!.HasSecret) return DirectLineErrors.Refuse(StatusCodes.Status403Forbidden, "BadArgument", "tokens are generated with the secret");
        var user = UserIdOf(await ReadJsonAsync(request));
        var conversation = conversations.Create(user);
        return TokenFor(conversation);
    }

    /// <summary>
    /// E2: a live token is traded for a new one for the same conversation and user, until the conversation's
    /// longest life: then the conversation can no longer be found and the client starts a new one.
    /// </summary>
    public async Task<IResult> RefreshTokenAsync(HttpRequest request)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(request, tokens, options);
        if (refusal is not null) return refusal;
        if (caller!.HasSecret) return DirectLineErrors.Refuse(StatusCodes.Status403Forbidden, "BadArgument", "only a token can be refreshed");
        var conversation = conversations.Find(caller.ConversationId);
        return conversation is null ? DirectLineErrors.NotFound(caller.ConversationId!) : TokenFor(conversation);
    }

    /// <summary>Issues a token for the conversation.</summary>
    private IResult TokenFor(DirectLineConversation conversation) => tokens.Issue(conversation) is { } issued
        ? Results.Json(new { conversationId = conversation.Id, token = issued.Token, expires_in = issued.ExpiresIn })
        : DirectLineErrors.NotFound(conversation.Id);

    /// <summary>
    /// E3: a token starts its own conversation (201 the first time, 200 after); the secret starts a new one.
    /// The bot hears of the start once, with both members added, as from Azure's Direct Line with a user in the token.
    /// </summary>
    public async Task<IResult> StartAsync(HttpRequest request)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(request, tokens, options);
        if (refusal is not null) return refusal;
        var conversation = caller!.HasSecret
            ? conversations.Create(UserIdOf(await ReadJsonAsync(request)))
            : conversations.Find(caller.ConversationId);
        if (conversation is null) return DirectLineErrors.NotFound(caller.ConversationId!);

        var first = conversation.MarkStarted();
        if (first)
        {
            // Built now: the request is gone by the time the turn runs.
            var membersAdded = MembersAdded(conversation, request);
            _ = conversation.Enqueue(() => adapter.RunTurnAsync(membersAdded, bot, CancellationToken.None));
        }
        var connection = Connection(conversation, caller, request, 0);
        if (connection is null) return DirectLineErrors.NotFound(conversation.Id);
        return Results.Json(connection, statusCode: first ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>E4: reconnect; a fresh stream address that replays from the watermark.</summary>
    public async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpRequest request)
    {
        var (conversation, caller, refusal) = await OpenAsync(conversationId, request);
        if (refusal is not null) return refusal;
        var connection = Connection(conversation!, caller!, request, Watermark(watermark));
        return connection is null ? DirectLineErrors.NotFound(conversationId) : Results.Json(connection);
    }

    /// <summary>
    /// E5: the user's activity is echoed into the transcript and handed to the bot in the background; when the
    /// conversation already has its fill of turns waiting, a 429 and nothing is kept; a client's retry of a post
    /// (the same <c>clientActivityID</c>) gets the first one's id and runs no second turn.
    /// </summary>
    public async Task<IResult> PostAsync(string conversationId, HttpRequest request)
    {
        var (conversation, caller, refusal) = await OpenAsync(conversationId, request);
        if (refusal is not null) return refusal;
        using var body = await RequestBody.ReadAsync(request, MessagesEndpoint.MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body is null) return DirectLineErrors.Refuse(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "the activity is too large");

        Activity? activity;
        try
        {
            activity = WireJson.Deserialize<Activity>(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
        }
        catch (Exception e) when (WireJson.IsUnreadable(e))
        {
            activity = null;
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type))
            return DirectLineErrors.Refuse(StatusCodes.Status400BadRequest, "BadArgument", "the body is not an activity with a type");

        FromUser(activity, conversation!, caller!, request);
        var clientActivityId = (activity.ChannelData as JObject)?["clientActivityID"] is JValue { Type: JTokenType.String } client ? (string?)client : null;
        var (outcome, id) = conversation!.Post(activity, clientActivityId, Local.MaxPendingTurns,
            forBot => adapter.RunTurnAsync(forBot, bot, CancellationToken.None));
        return outcome == PostOutcome.Full ? TooManyTurns(request) : Results.Json(new { id });
    }

    /// <summary>
    /// E6: the activities after the watermark. Never a 5xx: directlinejs stops polling silently on one.
    /// </summary>
    public async Task<IResult> ActivitiesAsync(string conversationId, string? watermark, HttpRequest request)
    {
        var (conversation, _, refusal) = await OpenAsync(conversationId, request);
        if (refusal is not null) return refusal;
        var (activities, next) = conversation!.After(Watermark(watermark));
        return Results.Bytes(ActivitySet(activities, next), "application/json; charset=utf-8");
    }

    /// <summary>The UTF-8 wire form of an <c>ActivitySet</c>, from activities already serialized.</summary>
    public static byte[] ActivitySet(IReadOnlyList<byte[]> activities, int watermark)
    {
        ReadOnlySpan<byte> head = "{\"activities\":["u8;
        var tail = Encoding.UTF8.GetBytes($"],\"watermark\":\"{watermark}\"}}");
        var length = head.Length + tail.Length + Math.Max(activities.Count - 1, 0);
        foreach (var activity in activities) length += activity.Length;

        var set = new byte[length];
        head.CopyTo(set);
        var at = head.Length;
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) set[at++] = (byte)',';
            activities[i].CopyTo(set, at);
            at += activities[i].Length;
        }
        tail.CopyTo(set, at);
        return set;
    }

    private static IResult TooManyTurns(HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = "1";
        return DirectLineErrors.Refuse(StatusCodes.Status429TooManyRequests, "TooManyRequests", "the bot has not yet answered the activities before this one");
    }

    public static int Watermark(string? watermark) => int.TryParse(watermark, out var w) && w > 0 ? w : 0;

    private async Task<(DirectLineConversation?, DirectLineCaller?, IResult?)> OpenAsync(string conversationId, HttpRequest request)
    {
        var (caller, refusal) = await DirectLineCaller.ReadAsync(request, tokens, options);
        if (refusal is not null) return (null, null, refusal);
        if (!caller!.MayOpen(conversationId)) return (null, null, DirectLineErrors.NotYours());
        var conversation = conversations.Find(conversationId);
        return conversation is null ? (null, null, DirectLineErrors.NotFound(conversationId)) : (conversation, caller, null);
    }

    /// <summary>The conversation's connection: the caller's own token, or a new one for the secret; null past its longest life.</summary>
    private object? Connection(DirectLineConversation conversation, DirectLineCaller caller, HttpRequest request, int watermark)
    {
        var issued = caller.Token is { } own
            ? new IssuedToken(own, (int)Math.Max(0, (caller.Expires!.Value - clock.GetUtcNow()).TotalSeconds))
            : tokens.Issue(conversation);
        if (issued is null) return null;
        return new
        {
            conversationId = conversation.Id,
            token = issued.Token,
            expires_in = issued.ExpiresIn,
            streamUrl = DirectLineStream.UrlFor(request, conversation.Id, tickets.Issue(issued.Token), watermark),
        };
    }

    /// <summary>What Azure's Direct Line guarantees the bot: the token's user, our ids, the client's data untouched.</summary>
    private void FromUser(Activity activity, DirectLineConversation conversation, DirectLineCaller caller, HttpRequest request)
    {
        var userId = caller.HasSecret && !string.IsNullOrEmpty(activity.From?.Id) ? activity.From.Id : conversation.UserId;
        activity.From = new ChannelAccount(userId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = new ChannelAccount(Local.BotId, Local.BotName, RoleTypes.Bot);
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.ChannelId = Microsoft.Bot.Connector.Channels.Directline;
        activity.ServiceUrl = ServiceUrl(request);
        activity.ReplyToId = null;
    }

    private Activity MembersAdded(DirectLineConversation conversation, HttpRequest request)
    {
        var user = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
        var botAccount = new ChannelAccount(Local.BotId, Local.BotName, RoleTypes.Bot);
        return new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = Microsoft.Bot.Connector.Channels.Directline,
            ServiceUrl = ServiceUrl(request),
            Conversation = new ConversationAccount(id: conversation.Id),
            From = user,
            Recipient = botAccount,
            MembersAdded = [botAccount, user],
            Timestamp = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>Informational only: replies never leave the process.</summary>
    private static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary><c>user.id</c> of a token or start request when it is a string; any other shape names no user.</summary>
    private static string? UserIdOf(JObject? json) =>
        json?["user"] is JObject user && user["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;

    /// <summary>The small JSON of a token or start request (<c>{"user": {"id"}}</c>); anything larger or unreadable reads as none.</summary>
    private static async Task<JObject?> ReadJsonAsync(HttpRequest request)
    {
        using var body = await RequestBody.ReadAsync(request, 16 * 1024, request.HttpContext.RequestAborted);
        if (body is null || body.Length == 0) return null;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, Encoding.UTF8)) { MaxDepth = 16 };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
