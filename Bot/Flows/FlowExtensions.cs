using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Hosting;
using MagLearn.Bot.Understanding;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Flows;

public static class FlowExtensions
{
    /// <summary>
    /// The guided flows: the dialog files (loaded and checked at start-up; a broken file stops the host before it
    /// listens), their trigger phrasings in the knowledge index, the engine and its Bot Framework runner.
    /// </summary>
    public static WebApplicationBuilder AddFlows(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FlowOptions>().Bind(builder.Configuration.GetSection(FlowOptions.Section))
            .Validate(o => o.MaxRetries >= 1, "Flows:MaxRetries must be at least 1")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var folder = sp.GetRequiredService<IOptions<FlowOptions>>().Value.ResolveDialogsPath(root);
            // The Learn pages are read here directly, not through the KnowledgeBase: the knowledge base needs the
            // flows for its index, so asking it would go round in a circle.
            var content = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveContentPath(root);
            var catalog = FlowCatalog.Load(folder, LearnLibrary.LoadFolder(Path.Combine(content, "learn")));
            sp.GetRequiredService<ILogger<FlowCatalog>>().LogInformation("Guided flows loaded from {Folder}: {Flows}",
                folder, string.Join(", ", catalog.Flows.Select(f => f.Id)));
            return catalog;
        });
        services.AddSingleton<ISearchDocumentSource>(sp => sp.GetRequiredService<FlowCatalog>());
        services.AddSingleton<IQuestionRouter>(sp => new KnowledgeQuestionRouter(sp.GetRequiredService<AskRouter>()));
        services.AddSingleton(sp => new FlowEngine(
            sp.GetRequiredService<FlowCatalog>(),
            sp.GetRequiredService<IQuestionRouter>(),
            sp.GetRequiredService<IOptions<FlowOptions>>().Value.MaxRetries));
        services.AddSingleton<FlowRunner>();
        services.AddHostedService<BuiltAtStart<FlowCatalog>>();
        return builder;
    }
}
