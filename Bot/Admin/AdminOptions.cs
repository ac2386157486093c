namespace MagLearn.Bot.Admin;

/// <summary>Who may read transcripts (section "Admin").</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public const int MinKeyLength = 16;

    /// <summary>
    /// The key support tools send as <c>X-Api-Key</c>. Unset, the admin API refuses everyone: transcripts are
    /// never readable by accident. Set it from a secret store (<c>Admin__ApiKey</c>), not in appsettings.json.
    /// </summary>
    public string? ApiKey { get; set; }
}
