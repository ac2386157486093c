using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.DirectLine;

/// <summary>
/// The local Direct Line's conversations, in memory. A conversation idle for twice a token's lifetime can no
/// longer be opened by any token it was given (a refresh needs a live token), so it is dropped.
/// </summary>
public sealed class DirectLineConversations
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);
    private readonly TimeSpan idleLimit;
    private long lastSweep;

    public DirectLineConversations(IOptions<DirectLineOptions> options) =>
        idleLimit = TimeSpan.FromSeconds(Math.Max(options.Value.Local.TokenLifetimeSeconds, 60) * 2);

    public int Count => conversations.Count;

    /// <summary>A new conversation for <paramref name="userId"/>, or for a new <c>dl_</c> user when none is given.</summary>
    public DirectLineConversation Create(string? userId = null)
    {
        Sweep();
        var conversation = new DirectLineConversation(NewId(), string.IsNullOrWhiteSpace(userId) ? NewUserId() : userId);
        conversations[conversation.Id] = conversation;
        return conversation;
    }

    public DirectLineConversation? Find(string? id)
    {
        if (id is null || !conversations.TryGetValue(id, out var conversation)) return null;
        conversation.Touch();
        return conversation;
    }

    /// <summary>An unguessable user id in the form Direct Line requires of ids put in tokens.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private void Sweep()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastSweep);
        if (now - last < 60_000 || Interlocked.CompareExchange(ref lastSweep, now, last) != last) return;
        var cutoff = DateTimeOffset.UtcNow - idleLimit;
        foreach (var (id, conversation) in conversations)
            if (conversation.LastUsed < cutoff) conversations.TryRemove(id, out _);
    }
}
