using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Understanding;

public static class KnowledgeExtensions
{
    /// <summary>The bot's brain: the sentence model, the Learn index beside it, and the router that uses both.</summary>
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().Bind(builder.Configuration.GetSection(KnowledgeOptions.Section))
            .Validate(o => o.Semantic.Threads is >= 1 and <= 64, "Knowledge:Semantic:Threads must be between 1 and 64")
            .ValidateOnStart();
        // The model loads on its own thread while the content is read and indexed (see KnowledgeBase).
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Semantic;
            if (!options.Enabled) return new SemanticLoading(Task.FromResult(new SemanticStatus(null, "disabled by Knowledge:Semantic:Enabled")));
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var logger = sp.GetRequiredService<ILogger<SentenceModel>>();
            return new SemanticLoading(Task.Run(() =>
            {
                var model = SentenceModel.TryLoad(options.ResolveModelPath(root), options.ResolveCachePath(root), options.Threads, options.Quantized,
                    logger, out var problem);
                return new SemanticStatus(model, problem);
            }));
        });
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SemanticLoading>().Status.GetAwaiter().GetResult());
        builder.Services.AddSingleton(sp =>
        {
            // Asked for first, so the model loads while the flows are read too.
            var model = sp.GetRequiredService<SemanticLoading>().Status.ContinueWith(t => t.Result.Model, TaskScheduler.Default);
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var folder = options.ResolveContentPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            var extra = sp.GetServices<ISearchDocumentSource>().ToList();
            var tuning = options.Baseline ? SearchTuning.Baseline : SearchTuning.Tuned;
            return new KnowledgeBase(folder, () => extra.SelectMany(s => s.Documents()), sp.GetRequiredService<ILogger<KnowledgeBase>>(), tuning,
                model, options.Semantic.ResolveCachePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        });
        builder.Services.AddSingleton(sp => new AskRouter(sp.GetRequiredService<KnowledgeBase>(), sp.GetRequiredService<ILogger<AskRouter>>()));
        builder.Services.AddHostedService<KnowledgeStartup>();
        return builder;
    }
}
