using MagLearn.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

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
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var retention = sp.GetRequiredService<IOptions<InsightsOptions>>().Value.Retention;
            return storage.Kind switch
            {
                StorageKind.Redis => new RedisInsightStore(sp.GetRequiredService<IConnectionMultiplexer>(), retention, sp.GetRequiredService<TimeProvider>()),
                StorageKind.Memory => new MemoryInsightStore(),
                _ => new SqliteInsightStore(storage.ResolveSqlitePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath), retention,
                    sp.GetRequiredService<TimeProvider>()),
            };
        });
        services.AddSingleton<InsightRecorder>();
        services.AddSingleton<UnansweredGroups>();
        services.AddSingleton<InsightsBuilder>();
        return builder;
    }
}
