using MagLearn.Bot.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.Teams;

/// <summary>
/// Turns away Teams activities from tenants not in <c>Teams:AllowedTenants</c>, before anything else reads them:
/// no reply, no state, one log line with the tenant id (never the text).
/// </summary>
public sealed partial class TeamsTenantCheck(IOptions<TeamsOptions> options, ILogger<TeamsTenantCheck> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var allowed = options.Value.AllowedTenants;
        if (allowed.Length > 0 && ChoiceRenderer.IsTeams(turnContext.Activity?.ChannelId))
        {
            var tenant = turnContext.Activity!.Conversation?.TenantId ?? turnContext.Activity.GetChannelData<Microsoft.Bot.Schema.Teams.TeamsChannelData>()?.Tenant?.Id;
            if (tenant is null || !allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase))
            {
                Refused(tenant ?? "(none)");
                return;
            }
        }
        await next(cancellationToken);
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "A Teams activity from tenant {Tenant}, which is not in Teams:AllowedTenants, was not answered")]
    private partial void Refused(string tenant);
}
