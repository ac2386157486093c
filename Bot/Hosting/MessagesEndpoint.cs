using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// Hands channel activities to the adapter, after turning away what it cannot read: a body that is not an
/// activity gets a 400 with a JSON reason instead of an exception deep inside the SDK.
/// </summary>
internal static class MessagesEndpoint
{
    /// <summary>Far above any real activity (Teams caps messages near 28 KB); stops a flood before it is parsed.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            await Reject(http, StatusCodes.Status413PayloadTooLarge, $"the activity is larger than {MaxBodyBytes} bytes");
            return;
        }
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        string? problem;
        try
        {
            problem = await ProblemWith(request);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            await Reject(http, StatusCodes.Status413PayloadTooLarge, $"the activity is larger than {MaxBodyBytes} bytes");
            return;
        }
        if (problem is not null)
        {
            await Reject(http, StatusCodes.Status400BadRequest, problem);
            return;
        }
        request.Body.Position = 0;
        await adapter.ProcessAsync(request, http.Response, bot, http.RequestAborted);
    }

    private static async Task<string?> ProblemWith(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(body)) return "the request has no activity";
        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(body, new JsonSerializerSettings { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return "the body is not a valid activity: " + e.Message.Split('.')[0];
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type)) return "the activity has no type";
        if (activity.Conversation?.Id is null or "") return "the activity has no conversation id";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            return "the activity's serviceUrl must be an absolute http(s) address";
        return null;
    }

    private static Task Reject(HttpContext http, int status, string error)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error });
    }
}
