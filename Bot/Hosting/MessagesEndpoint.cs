using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// Hands channel activities to the adapter, after turning away what it cannot read: a body that is not an
/// activity gets a 400 with a JSON reason instead of an exception deep inside the SDK. The activity is read
/// once, here, and given to the adapter as read: <see cref="CloudAdapter.ProcessAsync"/> would parse the body
/// a second time.
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
    });

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task HandleAsync(HttpContext http, ChannelAdapter adapter, IBot bot)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            await Reject(http, StatusCodes.Status413PayloadTooLarge, $"the activity is larger than {MaxBodyBytes} bytes");
            return;
        }
        string body;
        try
        {
            body = await ReadBodyAsync(request);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
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

        // What CloudAdapter.ProcessAsync does after reading the body: authenticate, run the turn, write the
        // turn's result (the replies, for expectReplies; an invoke's answer) or a bare 200.
        try
        {
            var result = await adapter.ProcessReadActivityAsync(request.Headers.Authorization.ToString(), activity!, bot, http.RequestAborted);
            await WriteResultAsync(http.Response, result);
        }
        catch (UnauthorizedAccessException)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

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

    /// <summary>The body as text; past <see cref="MaxBodyBytes"/> the read throws <c>BadHttpRequestException</c>.</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }

    private static (Activity? Activity, string? Problem) Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, "the request has no activity");
        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body));
            activity = ActivityReader.Deserialize<Activity>(reader);
        }
        catch (JsonException e)
        {
            return (null, "the body is not a valid activity: " + e.Message.Split('.')[0]);
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type)) return (null, "the activity has no type");
        if (activity.Conversation?.Id is null or "") return (null, "the activity has no conversation id");
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
