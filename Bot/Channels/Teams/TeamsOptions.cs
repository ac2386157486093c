namespace MagLearn.Bot.Channels.Teams;

/// <summary>Microsoft Teams settings (section <c>Teams</c>).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>
    /// Entra tenant ids whose Teams may use the bot. Empty: any tenant that installed the app. Defence in depth on
    /// top of the Teams admin's app policies: a tenant not listed gets no answer.
    /// </summary>
    public string[] AllowedTenants { get; set; } = [];

    public string? Problem() =>
        AllowedTenants.FirstOrDefault(t => !Guid.TryParse(t, out _)) is { } bad
            ? $"Teams:AllowedTenants: '{bad}' is not a tenant id (a GUID)"
            : null;
}
