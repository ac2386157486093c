using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MagLearn.Bot.Checks;

public static class CheckExtensions
{
    /// <summary>The checked hot reload of content and flows, and its report (<see cref="ContentReload"/>).</summary>
    public static WebApplicationBuilder AddContentChecks(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(ContentFolders.Of);
        builder.Services.AddSingleton<ContentReload>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContentReload>());
        return builder;
    }
}
