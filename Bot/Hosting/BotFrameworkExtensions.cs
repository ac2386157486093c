using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Hosting;

public static class BotFrameworkExtensions
{
    /// <summary>
    /// The Bot Framework edge: channel authentication (anonymous when MicrosoftAppId is empty, JWT-validated when
    /// it is set) with the channel clients kept between turns, the adapter with typing indicators and conversation
    /// state. The bot that runs on it is a part of its own (<c>builder.AddConversation()</c>).
    /// </summary>
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChannelAccessOptions>().Bind(builder.Configuration.GetSection(ChannelAccessOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChannelAccessOptions>, ChannelAccessProblems>();
        services.AddSingleton<ChannelAccess>();
        services.AddSingleton<ChannelHttpClients>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusingBotFrameworkAuthentication(
            new ConfigurationBotFrameworkAuthentication(builder.Configuration,
                httpClientFactory: sp.GetRequiredService<ChannelHttpClients>(),
                logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()),
            sp.GetRequiredService<ChannelAccess>().MayReplyTo));
        services.AddSingleton<ChannelTokenCheck>();
        // Typing shows only when a turn is slow enough for a person to wonder (a cold start, a slow store): an
        // answer that arrives in milliseconds needs no indicator, and sending one anyway costs every turn an extra
        // call to the channel.
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, BotTyping>();
        // CloudAdapter's constructors are ambiguous for the container, so it is built explicitly.
        services.AddSingleton(sp => new ChannelAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetServices<Microsoft.Bot.Builder.IMiddleware>(),
            sp.GetRequiredService<ILogger<ChannelAdapter>>()));

        services.RequireStorage();
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        return builder;
    }

    /// <summary>Conversation state lives in the <see cref="IStorage"/> that <c>builder.AddStorage()</c> chose (Bot/Storage).</summary>
    private static void RequireStorage(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IStorage)))
            throw new InvalidOperationException("No IStorage is registered: call builder.AddStorage() before builder.AddBotFramework().");
    }

    /// <summary><c>POST /api/messages</c>, the Bot Framework channel endpoint.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        return app;
    }

    /// <summary>Names each problem with the ChannelAccess settings when the host starts.</summary>
    private sealed class ChannelAccessProblems : IValidateOptions<ChannelAccessOptions>
    {
        public ValidateOptionsResult Validate(string? name, ChannelAccessOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
