namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// Where Web Chat's Direct Line comes from (section <c>DirectLine</c>): the host's own local Direct Line
/// (<c>Local</c>, for development and the embedded default, so no Azure is needed) or Azure Bot Service's, whose
/// secret stays on the server and is traded for a token per conversation (<c>Azure</c>).
/// </summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    public LocalDirectLineOptions Local { get; set; } = new();

    public AzureDirectLineOptions Azure { get; set; } = new();

    /// <summary>
    /// Unless <c>DirectLine:Local:Enabled</c> says otherwise, the local Direct Line follows the bot's own mode: on
    /// for the embedded, anonymous bot (no <c>MicrosoftAppId</c>, no Azure secret), off for a registered bot, and
    /// off when instances share their state (its conversations live in one instance's memory, so a load balancer
    /// would send a conversation's next call to an instance that does not know it).
    /// </summary>
    public void ChooseDefault(string? microsoftAppId, bool sharedState) =>
        Local.Enabled ??= string.IsNullOrWhiteSpace(microsoftAppId) && string.IsNullOrWhiteSpace(Azure.Secret) && !sharedState;

    /// <summary>Why these settings cannot work, or null. Checked when the host starts.</summary>
    public string? Problem(string? microsoftAppId)
    {
        if (Local.IsOn && !string.IsNullOrWhiteSpace(Azure.Secret))
            return "DirectLine:Local:Enabled and DirectLine:Azure:Secret are both set; choose one Direct Line for Web Chat";
        // The local Direct Line hands activities to the bot without any channel authentication. With an app id the
        // bot is meant to accept only authenticated channels, so a local Direct Line would be a way around that.
        if (Local.IsOn && !string.IsNullOrWhiteSpace(microsoftAppId))
            return "DirectLine:Local:Enabled is a development feature and cannot run with MicrosoftAppId set; use DirectLine:Azure:Secret";
        if (Local.TokenLifetimeSeconds < 1) return "DirectLine:Local:TokenLifetimeSeconds must be at least 1";
        if (Local.MaxConversationLifetimeSeconds < Local.TokenLifetimeSeconds)
            return "DirectLine:Local:MaxConversationLifetimeSeconds must be at least TokenLifetimeSeconds";
        if (Local.MaxKeptBytes < 64 * 1024) return "DirectLine:Local:MaxKeptBytes must be at least 65536";
        if (Local.MaxPendingTurns < 1) return "DirectLine:Local:MaxPendingTurns must be at least 1";
        if (Local.Secret is { Length: > 0 and < 16 }) return "DirectLine:Local:Secret must be at least 16 characters";
        // http only on loopback: a stand-in for Azure in tests. The secret never travels in clear over a network.
        if (!Uri.TryCreate(Azure.Domain, UriKind.Absolute, out var domain) || Azure.Domain.EndsWith('/')
            || !(domain.Scheme == Uri.UriSchemeHttps || (domain.Scheme == Uri.UriSchemeHttp && domain.IsLoopback)))
            return "DirectLine:Azure:Domain must be an https address ending in /v3/directline, without a trailing slash";
        return null;
    }
}

public sealed class LocalDirectLineOptions
{
    /// <summary>
    /// true or false to say; unset, it is on exactly when the bot runs anonymously (see
    /// <see cref="DirectLineOptions.ChooseDefault"/>). It cannot be on with a MicrosoftAppId.
    /// </summary>
    public bool? Enabled { get; set; }

    public bool IsOn => Enabled == true;

    /// <summary>30 minutes, like Azure's; directlinejs refreshes every 15 minutes whatever this says.</summary>
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>
    /// The longest a conversation lives, however often its token is refreshed: a token never outlives it, a stream
    /// is closed at it, and the conversation is dropped after it. 24 hours: a working day's chat, and no longer.
    /// </summary>
    public int MaxConversationLifetimeSeconds { get; set; } = 24 * 60 * 60;

    /// <summary>
    /// The most a conversation keeps of its latest activities, in bytes of their wire JSON (besides
    /// <see cref="DirectLineConversation.KeptActivities"/>): a few hundred ordinary replies, not hundreds of
    /// 256 KB posts.
    /// </summary>
    public int MaxKeptBytes { get; set; } = 1024 * 1024;

    /// <summary>Posted activities whose turns may wait for the turns before them; a post beyond gets a 429.</summary>
    public int MaxPendingTurns { get; set; } = 8;

    /// <summary>
    /// The server-side secret for <c>POST /v3/directline/tokens/generate</c> and secret-authenticated clients.
    /// Empty: only tokens from <c>POST /api/webchat/token</c> open conversations.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>The bot as Direct Line clients see it (<c>from</c> of its replies).</summary>
    public string BotId { get; set; } = "maglearn-bot";

    public string BotName { get; set; } = "MagLearn Bot";
}

public sealed class AzureDirectLineOptions
{
    /// <summary>The Direct Line secret of the Azure Bot's Direct Line channel. Never sent to a browser.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Regional bots use e.g. https://europe.directline.botframework.com/v3/directline.</summary>
    public string Domain { get; set; } = "https://directline.botframework.com/v3/directline";
}
