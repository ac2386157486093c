using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// The local Direct Line's conversations, in memory. A conversation idle for twice a token's lifetime can no
/// longer be opened by any token it was given (a refresh needs a live token), and one past its longest life
/// (<see cref="LocalDirectLineOptions.MaxConversationLifetimeSeconds"/>) by none at all: both are dropped by a
/// sweep on a timer, so memory is given back whether or not anyone opens a new conversation.
/// </summary>
public sealed class DirectLineConversations : IDisposable
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly LocalDirectLineOptions local;
    private readonly TimeSpan idleLimit;
    private readonly ITimer sweeper;

    public DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        local = options.Value.Local;
        idleLimit = TimeSpan.FromSeconds(Math.Max(local.TokenLifetimeSeconds, 60) * 2);
        var every = TimeSpan.FromSeconds(Math.Min(60, idleLimit.TotalSeconds / 4));
        sweeper = clock.CreateTimer(_ => Sweep(), null, every, every);
    }

    public int Count => conversations.Count;

    /// <summary>The longest a conversation lives.</summary>
    public TimeSpan MaxLifetime => TimeSpan.FromSeconds(local.MaxConversationLifetimeSeconds);

    /// <summary>A new conversation for <paramref name="userId"/>, or for a new <c>dl_</c> user when none is given.</summary>
    public DirectLineConversation Create(string? userId = null)
    {
        var conversation = new DirectLineConversation(NewId(), string.IsNullOrWhiteSpace(userId) ? NewUserId() : userId, clock, local.MaxKeptBytes);
        conversations[conversation.Id] = conversation;
        return conversation;
    }

    public DirectLineConversation? Find(string? id)
    {
        if (id is null || !conversations.TryGetValue(id, out var conversation)) return null;
        if (clock.GetUtcNow() >= conversation.Started + MaxLifetime) return null;
        conversation.Touch();
        return conversation;
    }

    /// <summary>An unguessable user id in the form Direct Line requires of ids put in tokens.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Drops the idle and the too old, and closes their streams.</summary>
    internal void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, conversation) in conversations)
        {
            if (conversation.LastUsed > now - idleLimit && conversation.Started + MaxLifetime > now) continue;
            if (!conversations.TryRemove(id, out _)) continue;
            try { conversation.StreamSlot?.Cancel(); }
            catch (ObjectDisposedException) { }
        }
    }

    public void Dispose() => sweeper.Dispose();
}
