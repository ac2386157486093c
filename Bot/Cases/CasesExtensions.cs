using MagLearn.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Cases;

public static class CasesExtensions
{
    /// <summary>
    /// The cases handed to support, recorded once each, on the same storage kind as conversation state (the SQLite
    /// file, Redis, or memory), so a case is as durable as the conversation it came from. Call after AddStorage.
    /// </summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CasesOptions>().Bind(builder.Configuration.GetSection(CasesOptions.Section))
            .Validate(o => o.Retention >= TimeSpan.Zero, "Cases:Retention must not be negative")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICaseStore>(sp =>
        {
            var retention = sp.GetRequiredService<IOptions<CasesOptions>>().Value.Retention;
            return sp.BesideState<ICaseStore>(
                redis => new RedisCaseStore(redis, retention),
                () => new MemoryCaseStore(),
                path => new SqliteCaseStore(path, retention, sp.GetRequiredService<TimeProvider>()));
        });
        services.AddSingleton<CaseIntake>();
        return builder;
    }
}
