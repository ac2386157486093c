namespace MagLearn.Bot.Limits;

/// <summary>
/// How much each client may ask of the bot (section <c>Limits</c>), in requests per minute, per client address
/// and, where a request belongs to a conversation, per conversation. On by default, for callers on this machine
/// too; a benchmark turns them off (<c>Limits:Enabled=false</c>). A figure of 0 leaves that bucket unlimited.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Channel activities. A registered bot's callers are the Bot Framework's own servers, which carry every user,
    /// so the per-address figure is high; a conversation is one person typing.
    /// </summary>
    public RequestLimit Messages { get; set; } = new() { PerAddress = 1200, PerConversation = 60 };

    /// <summary>The portal help box's questions: each searches the index and runs the sentence model.</summary>
    public RequestLimit Ask { get; set; } = new() { PerAddress = 300 };

    /// <summary>
    /// The local Direct Line: every call per address (polling included, one call a second per open chat), and
    /// posted activities per conversation.
    /// </summary>
    public RequestLimit DirectLine { get; set; } = new() { PerAddress = 1200, PerConversation = 60 };

    /// <summary>Tokens and new conversations (<c>/api/webchat/token</c>, Direct Line's token and start calls).</summary>
    public RequestLimit Tokens { get; set; } = new() { PerAddress = 60 };

    /// <summary>Support staff reading transcripts.</summary>
    public RequestLimit Admin { get; set; } = new() { PerAddress = 60 };

    /// <summary>
    /// The most any request may send, whatever endpoint (Kestrel's own limit, which also stops chunked bodies);
    /// each endpoint that reads a body has a lower limit of its own.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public IEnumerable<string> Problems()
    {
        foreach (var (name, limit) in new[] { ("Messages", Messages), ("Ask", Ask), ("DirectLine", DirectLine), ("Tokens", Tokens), ("Admin", Admin) })
        {
            if (limit.PerAddress < 0) yield return $"Limits:{name}:PerAddress must not be negative";
            if (limit.PerConversation < 0) yield return $"Limits:{name}:PerConversation must not be negative";
        }
        if (MaxRequestBodyBytes < 64 * 1024) yield return "Limits:MaxRequestBodyBytes must be at least 65536";
    }
}

/// <summary>Requests per minute; 0 is no limit.</summary>
public sealed class RequestLimit
{
    public int PerAddress { get; set; }

    public int PerConversation { get; set; }
}
