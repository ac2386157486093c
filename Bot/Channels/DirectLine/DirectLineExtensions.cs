using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.DirectLine;

public static class DirectLineExtensions
{
    /// <summary>
    /// The Direct Line that Web Chat talks to: the host's own (local, in memory, no Azure) for the embedded,
    /// anonymous bot, or Azure Bot Service's through <c>DirectLine:Azure:Secret</c> for a registered one.
    /// </summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>().Bind(builder.Configuration.GetSection(DirectLineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DirectLineOptions>, DefaultFromAppId>();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, NamedProblem>();
        // Token expiry, streams' ends and the sweep of idle conversations read this clock, so tests can move it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<DirectLineApi>();
        services.AddSingleton<DirectLineStreamTickets>();
        services.AddSingleton<DirectLineStream>();
        return builder;
    }

    /// <summary>
    /// The local Direct Line's endpoints under <c>/v3/directline</c>; nothing is mapped unless it is enabled.
    /// <paramref name="corsPolicy"/> names who may call them from a browser (the portal's origins).
    /// </summary>
    public static WebApplication MapDirectLine(this WebApplication app, string corsPolicy)
    {
        if (!app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Local.IsOn) return app;
        app.Logger.LogWarning("The local Direct Line is enabled: a development feature that reaches the bot without channel authentication");
        app.UseWebSockets();
        var api = app.MapGroup(DirectLineApi.BasePath).RequireCors(corsPolicy);
        api.MapPost("/tokens/generate", (HttpRequest r, DirectLineApi dl) => dl.GenerateTokenAsync(r));
        api.MapPost("/tokens/refresh", (HttpRequest r, DirectLineApi dl) => dl.RefreshTokenAsync(r));
        api.MapPost("/conversations", (HttpRequest r, DirectLineApi dl) => dl.StartAsync(r));
        api.MapGet("/conversations/{conversationId}", (string conversationId, string? watermark, HttpRequest r, DirectLineApi dl) =>
            dl.ReconnectAsync(conversationId, watermark, r));
        api.MapPost("/conversations/{conversationId}/activities", (string conversationId, HttpRequest r, DirectLineApi dl) =>
            dl.PostAsync(conversationId, r));
        api.MapGet("/conversations/{conversationId}/activities", (string conversationId, string? watermark, HttpRequest r, DirectLineApi dl) =>
            dl.ActivitiesAsync(conversationId, watermark, r));
        api.MapGet("/conversations/{conversationId}/stream", (string conversationId, string? ticket, string? watermark, HttpContext http, DirectLineStream stream) =>
            stream.AcceptAsync(conversationId, ticket, watermark, http));
        return app;
    }

    /// <summary>Read when the options are first used, so settings from every source (tests' included) are in.</summary>
    private sealed class DefaultFromAppId(IConfiguration configuration) : IPostConfigureOptions<DirectLineOptions>
    {
        public void PostConfigure(string? name, DirectLineOptions options) => options.ChooseDefault(
            configuration["MicrosoftAppId"],
            sharedState: string.Equals(configuration["Storage:Kind"], "Redis", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Names the problem in the start-up error instead of a generic "validation failed".</summary>
    private sealed class NamedProblem(IConfiguration configuration) : IValidateOptions<DirectLineOptions>
    {
        public ValidateOptionsResult Validate(string? name, DirectLineOptions options) =>
            options.Problem(configuration["MicrosoftAppId"]) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
