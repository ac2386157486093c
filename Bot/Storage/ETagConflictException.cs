namespace MagLearn.Bot.Storage;

/// <summary>
/// A write of an <see cref="Microsoft.Bot.Builder.IStoreItem"/> whose ETag is no longer the stored one. An
/// <see cref="ArgumentException"/> with MemoryStorage's message, because that is what the Bot Framework's own
/// MemoryStorage throws, so code written against one storage behaves the same on all.
/// </summary>
public sealed class ETagConflictException : ArgumentException
{
    public ETagConflictException(string key, string? given, string? current)
        : base($"Etag conflict.\r\n\r\nOriginal: {given}\r\nCurrent: {current}")
    {
        Key = key;
    }

    public string Key { get; }

    /// <summary>Ours, or MemoryStorage's plain ArgumentException with the same message.</summary>
    public static bool IsConflict(Exception e) =>
        e is ETagConflictException || (e is ArgumentException && e.Message.StartsWith("Etag conflict", StringComparison.Ordinal));
}
