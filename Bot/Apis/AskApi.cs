using System.Text.Json;
using MagLearn.Bot.Hosting;
using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Apis;

/// <summary>
/// <c>GET /api/ask?q=...&amp;top=N&amp;explain=true</c> and <c>POST /api/ask</c>: the router the chat uses, for the MAG portal's
/// help box. Bad input gets a 400 with a JSON reason, never a 500.
/// </summary>
public static class AskApi
{
    public const int MaxTextLength = 2000;

    /// <summary>A question of <see cref="MaxTextLength"/> characters, escaped, is far below this.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ask");
        group.MapGet("", (HttpRequest request, AskRouter router) =>
        {
            var explain = request.Query["explain"].ToString();
            if (explain is not ("" or "true" or "false")) return BadRequest("'explain' must be true or false");
            return Answer(router, request.Query["q"].ToString(), request.Query["top"].ToString(), explain == "true");
        });
        group.MapPost("", async (HttpRequest request, AskRouter router) =>
        {
            var (body, status, error) = await ReadBody(request);
            return error is not null
                ? Results.Json(new { error }, statusCode: status)
                : Answer(router, body!.Text, body.Top, body.Explain ?? request.Query["explain"] == "true");
        });
        return app;
    }

    private static IResult Answer(AskRouter router, string? text, string? top, bool explain)
    {
        if (string.IsNullOrEmpty(top)) return Answer(router, text, (int?)null, explain);
        return int.TryParse(top, out var n) ? Answer(router, text, n, explain) : BadRequest("'top' must be a whole number");
    }

    private static IResult Answer(AskRouter router, string? text, int? top, bool explain)
    {
        if (string.IsNullOrWhiteSpace(text)) return BadRequest("a question is required: 'q' (GET) or 'text' (POST)");
        if (text.Length > MaxTextLength) return BadRequest($"the question is longer than {MaxTextLength} characters");
        if (top is < 1 or > AskRouter.MaxTop) return BadRequest($"'top' must be between 1 and {AskRouter.MaxTop}");
        return Results.Json(AskResponse.From(router.Ask(text, top ?? AskRouter.DefaultTop, explain: explain)));
    }

    /// <summary>The request's JSON, read up to <see cref="MaxBodyBytes"/> however it is sent (chunked included).</summary>
    private static async Task<(AskRequest? Body, int Status, string? Error)> ReadBody(HttpRequest request)
    {
        using var bytes = await RequestBody.ReadAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted);
        if (bytes is null) return (null, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {MaxBodyBytes} bytes");
        try
        {
            var body = JsonSerializer.Deserialize<AskRequest>(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), JsonSerializerOptions.Web);
            return body is null ? (null, StatusCodes.Status400BadRequest, "the body must be a JSON object with 'text'") : (body, 0, null);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest, "the body must be JSON: {\"text\": \"...\", \"top\": 3}");
        }
    }

    private static IResult BadRequest(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private sealed record AskRequest(string? Text, int? Top, bool? Explain);
}
