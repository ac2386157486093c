using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Answers;

public static class KnowledgeExtensions
{
    /// <summary>The bot's brain: the Learn index, the answer policy and the router that uses both.</summary>
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().Bind(builder.Configuration.GetSection(KnowledgeOptions.Section));
        builder.Services.AddOptions<AnswerPolicy>().Bind(builder.Configuration.GetSection("AnswerPolicy"))
            .Validate(p => { p.Validate(); return true; }).ValidateOnStart();

        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var folder = options.ResolveContentPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            var extra = sp.GetServices<ISearchDocumentSource>().ToList();
            var tuning = options.Baseline ? SearchTuning.Baseline : SearchTuning.Tuned;
            return new KnowledgeBase(folder, () => extra.SelectMany(s => s.Documents()), sp.GetRequiredService<ILogger<KnowledgeBase>>(), tuning);
        });
        builder.Services.AddSingleton(sp => new AskRouter(
            sp.GetRequiredService<KnowledgeBase>(),
            sp.GetRequiredService<IOptions<AnswerPolicy>>().Value,
            sp.GetServices<IDirectFlowRequest>()));
        builder.Services.AddHostedService<KnowledgeStartup>();
        return builder;
    }

    /// <summary><c>GET /healthz</c>: 200 once the index is loaded, 503 before.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (KnowledgeBase knowledge) => knowledge.IsLoaded
            ? Results.Ok(new { status = "ok", documents = knowledge.Current.Index.DocumentCount })
            : Results.Json(new { status = "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
