using Microsoft.Bot.Builder;

namespace MagLearn.Bot.Storage;

/// <summary>
/// One change of a write, decided the way MemoryStorage decides it: a store item must carry the stored ETag
/// unless it says <c>*</c>, and a null or empty ETag matches only a key that holds no ETag yet (a new item); any
/// other object is last writer wins. A null value removes the key.
/// </summary>
internal sealed record StoreWrite(string Key, string? Json, bool MustMatch, string? ExpectedETag, string? NewETag)
{
    public const string Wildcard = "*";

    public static StoreWrite Of(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null) return new StoreWrite(key, null, false, null, null);
        var json = StoredJson.Write(value);
        if (value is not IStoreItem item) return new StoreWrite(key, json, false, null, null);
        // A null and an empty ETag are the same thing here: "I have not seen this item before".
        var expected = string.IsNullOrEmpty(item.ETag) ? "" : item.ETag;
        return new StoreWrite(key, json, expected != Wildcard, expected, StoredJson.NewETag());
    }
}
