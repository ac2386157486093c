using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// Hands channel activities to the adapter, in the order that costs a stranger the least of the bot's work: who is
/// calling (<see cref="ChannelAccess"/>), whether a registered bot's caller brought a token at all, the body read
/// up to its limit and read as an activity, the token checked against it (<see cref="ChannelTokenCheck"/>), the
/// service URL the replies would go to, the conversation's own rate limit (<see cref="ITurnAdmission"/>), and only
/// then a turn. A body that is not an activity gets a 400 with a reason of ours, never the parser's. The activity
/// is read once, here, and given to the adapter as read: <see cref="CloudAdapter.ProcessAsync"/> would parse the
/// body a second time.
/// </summary>
internal static class MessagesEndpoint
{
    /// <summary>Far above any real activity (Teams caps messages near 28 KB); stops a flood before it is parsed.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// The adapter's own reading of activities, with a depth limit: a body nested thousands deep inside a
    /// free-form property ("value", "channelData") would otherwise be built recursively.
    /// </summary>
    private static readonly JsonSerializer ActivityReader = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = HttpHelper.BotMessageSerializerSettings.ContractResolver,
        Converters = HttpHelper.BotMessageSerializerSettings.Converters,
        NullValueHandling = HttpHelper.BotMessageSerializerSettings.NullValueHandling,
        MaxDepth = 64,
        // "$type", "$id" and "$ref" in a stranger's activity are plain properties, not instructions to the reader.
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
    });

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task HandleAsync(HttpContext http, ChannelAdapter adapter, ChannelAccess access, ChannelTokenCheck tokens,
        IEnumerable<ITurnAdmission> admissions, IBot bot)
    {
        var request = http.Request;
        if (!access.MayCall(http.Connection.RemoteIpAddress))
        {
            await Reject(http, StatusCodes.Status403Forbidden, "this bot runs without channel authentication and answers only callers on its own machine");
            return;
        }
        var authorization = request.Headers.Authorization.ToString();
        if (access.AuthenticationRequired && !HasBearer(authorization))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var body = await RequestBody.ReadAsync(request, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            await Reject(http, StatusCodes.Status413PayloadTooLarge, $"the activity is larger than {MaxBodyBytes} bytes");
            return;
        }
        var (activity, problem) = Read(body);
        if (problem is not null)
        {
            await Reject(http, StatusCodes.Status400BadRequest, problem);
            return;
        }

        var check = await tokens.CheckAsync(authorization, activity!, http.RequestAborted);
        if (check.Outcome != ChannelTokenOutcome.Admitted)
        {
            if (check.Outcome == ChannelTokenOutcome.Unavailable) http.Response.Headers.RetryAfter = "30";
            http.Response.StatusCode = check.Outcome == ChannelTokenOutcome.Refused ? StatusCodes.Status401Unauthorized : StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (!access.MayReplyTo(activity!.ServiceUrl))
        {
            await Reject(http, StatusCodes.Status403Forbidden, "the bot does not send replies to that serviceUrl");
            return;
        }

        foreach (var admission in admissions)
        {
            if (admission.TryAdmit(activity) is not { } wait) continue;
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Reject(http, StatusCodes.Status429TooManyRequests, "too many messages in this conversation; try again shortly");
            return;
        }

        // What CloudAdapter.ProcessAsync does after authenticating: run the turn, write the turn's result (the
        // replies, for expectReplies; an invoke's answer) or a bare 200.
        var result = await adapter.ProcessAuthenticatedAsync(check.Authenticated!, activity, bot, http.RequestAborted);
        await WriteResultAsync(http.Response, result);
    }

    private static bool HasBearer(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > "Bearer ".Length;

    /// <summary>
    /// What <see cref="HttpHelper.WriteResponseAsync"/> writes (the status, and the body as JSON when there is one),
    /// compact and straight to the response: the framework indents it (a reply sent back in the response is then a
    /// third spaces and line breaks) and copies it from one buffer to another.
    /// </summary>
    internal static async Task WriteResultAsync(HttpResponse response, InvokeResponse? result)
    {
        if (result is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        response.StatusCode = result.Status;
        if (result.Body is null) return;
        response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, Utf8, bufferSize: 4096, leaveOpen: true))
        using (var json = new JsonTextWriter(text))
            WireJson.Serializer.Serialize(json, result.Body);
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static (Activity? Activity, string? Problem) Read(MemoryStream body)
    {
        var empty = body.Length == 0;
        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, Encoding.UTF8, leaveOpen: true));
            activity = ActivityReader.Deserialize<Activity>(reader);
        }
        catch (Exception e) when (WireJson.IsUnreadable(e))
        {
            // The parser's message quotes the body and names its own types: the caller learns only what is wrong.
            return (null, empty ? "the request has no activity" : "the body is not an activity in JSON");
        }
        if (activity is null) return (null, "the request has no activity");
        if (string.IsNullOrEmpty(activity.Type)) return (null, "the activity has no type");
        if (activity.Conversation?.Id is null or "") return (null, "the activity has no conversation id");
        if (string.IsNullOrEmpty(activity.ChannelId)) return (null, "the activity has no channelId");
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            return (null, "the activity's serviceUrl must be an absolute http(s) address");
        return (activity, null);
    }

    private static Task Reject(HttpContext http, int status, string error)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error });
    }
}
