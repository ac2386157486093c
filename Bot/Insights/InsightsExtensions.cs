using MagLearn.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Insights;

public static class InsightsExtensions
{
    /// <summary>
    /// What the support team's insights are made from: each conversation's routes, ratings, flow steps and hand-offs,
    /// kept on the same storage kind as its state (the SQLite file, Redis, or memory). Call after AddStorage.
    /// </summary>
    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InsightsOptions>().Bind(builder.Configuration.GetSection(InsightsOptions.Section))
            .Validate(o => o.Retention >= TimeSpan.Zero, "Insights:Retention must not be negative")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IInsightStore>(sp =>
        {
            var retention = sp.GetRequiredService<IOptions<InsightsOptions>>().Value.Retention;
            var clock = sp.GetRequiredService<TimeProvider>();
            return sp.BesideState<IInsightStore>(
                redis => new RedisInsightStore(redis, retention, clock),
                () => new MemoryInsightStore(),
                path => new SqliteInsightStore(path, retention, clock));
        });
        services.AddSingleton<InsightRecorder>();
        services.AddSingleton<UnansweredGroups>();
        services.AddSingleton<InsightsBuilder>();
        return builder;
    }
}
