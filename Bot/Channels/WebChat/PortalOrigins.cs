using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.WebChat;

/// <summary>
/// CORS for the portal: the widget runs on the portal's origin and calls this host (token endpoint, Direct Line).
/// Only configured origins; directlinejs sends <c>x-ms-bot-agent</c> on every call, so it must be allowed.
/// </summary>
public static class PortalOrigins
{
    public const string Policy = "MagPortal";

    public static IServiceCollection AddPortalOrigins(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<WebChatOptions>>((cors, webChat) => cors.AddPolicy(Policy, policy => policy
                .WithOrigins(webChat.Value.AllowedOrigins)
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
                .WithMethods("GET", "POST", "OPTIONS")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}
