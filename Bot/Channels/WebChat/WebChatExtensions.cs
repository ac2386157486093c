using MagLearn.Bot.Channels.DirectLine;
using MagLearn.Bot.Flows.Definition;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.WebChat;

public static class WebChatExtensions
{
    /// <summary>The web chat page, the portal widget, the token endpoint, CORS for the portal and page context.</summary>
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebChatOptions>().Bind(builder.Configuration.GetSection(WebChatOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsCheck>();
        services.AddPortalOrigins();
        services.AddHttpClient(WebChatTokenEndpoint.AzureClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<WebChatTokenEndpoint>();
        services.AddSingleton<PageContext>();
        return builder;
    }

    /// <summary>
    /// <c>/</c> (Web Chat for the MAG portal), <c>/widget.js</c>, the sample portal pages and
    /// <c>POST /api/webchat/token</c>. The Web Chat bundle itself (<c>/lib/webchat.js</c>) is copied from npm by the build.
    /// </summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseCors();
        app.UseDefaultFiles();
        var policy = new PagePolicy(
            app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value,
            app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value);
        app.Use(new NoncedPages(app.Environment, policy).InvokeAsync);
        app.UseStaticFiles();
        app.MapPost(WebChatTokenEndpoint.Path, (HttpContext http, WebChatTokenEndpoint endpoint) => endpoint.IssueAsync(http))
            .RequireCors(PortalOrigins.Policy);
        return app;
    }

    /// <summary>Origins must be origins, and every page must open a flow that exists.</summary>
    private sealed class WebChatOptionsCheck(FlowCatalog catalog) : IValidateOptions<WebChatOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebChatOptions options)
        {
            if (options.Problem() is { } problem) return ValidateOptionsResult.Fail(problem);
            var unknown = options.PageFlows.Where(p => !catalog.Contains(p.Value)).Select(p => $"{p.Key} → {p.Value}").ToList();
            return unknown.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("WebChat:PageFlows names flows that do not exist: " + string.Join(", ", unknown));
        }
    }
}
