namespace MagLearn.Bot.Channels.Teams;

public static class TeamsExtensions
{
    /// <summary>
    /// Microsoft Teams: the bot itself runs on TeamsActivityHandler (mentions stripped, cards for choices); this adds
    /// what the edge does for Teams: replies rewritten to what Teams renders. The app package is in deploy/teams.
    /// </summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TeamsFormatting>();
        return builder;
    }
}
