using MagLearn.Bot.Understanding;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Health;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /healthz</c>: 200 once the index is loaded, 503 before. It says whether answers read meaning too, or
    /// words alone and why: a bot whose model did not load still answers, and this is where that shows.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (KnowledgeBase knowledge, SemanticStatus semantic, AskRouter router) => knowledge.IsLoaded
            ? Results.Ok(new
            {
                status = "ok",
                documents = knowledge.Current.Index.DocumentCount,
                index = knowledge.Current.Index.Version,
                semantic = semantic.Model is null
                    ? new { status = "off", model = (string?)null, reason = semantic.Problem, encodingFailures = router.EncodingFailures }
                    : new { status = "on", model = (string?)semantic.Model.Encoder.ModelId, reason = (string?)null, encodingFailures = router.EncodingFailures },
            })
            : Results.Json(new { status = "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
