using Microsoft.Bot.Builder;

namespace MagLearn.Bot.Storage;

/// <summary>
/// Who is running a turn of a conversation, until when. Kept in the same <see cref="IStorage"/> as the
/// conversation's state, so every instance sharing that storage sees it; taken and handed over by ETag.
/// </summary>
public sealed class TurnLease : IStoreItem
{
    public string Holder { get; set; } = "";

    public DateTimeOffset Until { get; set; }

    public string? ETag { get; set; }

    public static string KeyFor(string channelId, string conversationId) => $"maglearn/turns/{channelId}/{conversationId}";
}
