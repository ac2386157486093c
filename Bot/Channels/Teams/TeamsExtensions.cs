using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.Teams;

public static class TeamsExtensions
{
    /// <summary>
    /// Microsoft Teams: the bot itself runs on TeamsActivityHandler (mentions stripped, cards for choices); this adds
    /// what the edge does for Teams: only allowed tenants, and replies rewritten to what Teams renders. The app
    /// package is in deploy/teams.
    /// </summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TeamsOptions>().Bind(builder.Configuration.GetSection(TeamsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsCheck>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TeamsTenantCheck>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TeamsFormatting>();
        return builder;
    }

    private sealed class TeamsOptionsCheck : IValidateOptions<TeamsOptions>
    {
        public ValidateOptionsResult Validate(string? name, TeamsOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
