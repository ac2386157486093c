using System.Text.Json;
using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Apis;

/// <summary>
/// <c>GET /api/ask?q=...&amp;top=N&amp;explain=true</c> and <c>POST /api/ask</c>: the router the chat uses, for the MAG portal's
/// help box. Bad input gets a 400 with a JSON reason, never a 500.
/// </summary>
public static class AskApi
{
    public const int MaxTextLength = 2000;

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
            var (body, error) = await ReadBody(request);
            return error is not null ? BadRequest(error) : Answer(router, body!.Text, body.Top, body.Explain ?? request.Query["explain"] == "true");
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

    private static async Task<(AskRequest? Body, string? Error)> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > 64 * 1024) return (null, "the request body is too large");
        try
        {
            var body = await JsonSerializer.DeserializeAsync<AskRequest>(request.Body, JsonSerializerOptions.Web);
            return body is null ? (null, "the body must be a JSON object with 'text'") : (body, null);
        }
        catch (JsonException)
        {
            return (null, "the body must be JSON: {\"text\": \"...\", \"top\": 3}");
        }
    }

    private static IResult BadRequest(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private sealed record AskRequest(string? Text, int? Top, bool? Explain);
}
