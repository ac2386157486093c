using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Storage;

/// <summary>
/// How an item is written as text and read back, the way the Bot Framework's MemoryStorage and BlobsStorage do it:
/// Newtonsoft with <see cref="TypeNameHandling.All"/>, so that ConversationState's dictionary comes back holding
/// the same types it was given. That trusts whatever is in the store, so the store must be private to the bot
/// (a file under its data folder; a Redis nobody else can reach).
/// </summary>
internal static class StoredJson
{
    private const string ETagProperty = "eTag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = null,
        DateParseHandling = DateParseHandling.None,
    });

    /// <summary>The item as stored JSON, without any ETag of its own: the store keeps the ETag beside it.</summary>
    public static string Write(object item)
    {
        // Conversation state (a plain dictionary) is most of what is written: straight to text, in one pass.
        if (item is not IStoreItem)
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None }) Serializer.Serialize(writer, item);
            return text.ToString();
        }
        var json = JObject.FromObject(item, Serializer);
        foreach (var stale in json.Properties().Where(p => p.Name.Equals(ETagProperty, StringComparison.OrdinalIgnoreCase)).ToList())
            stale.Remove();
        return json.ToString(Formatting.None);
    }

    /// <summary>A fresh copy of the stored item, carrying the current ETag when it is a store item.</summary>
    public static object Read(string json, string? etag)
    {
        // Dates stay text until a typed property asks for one: a string that looks like a date must come back as
        // the string it was, as it does from MemoryStorage.
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = null };
        // Without an ETag to add (anything but a store item), the text is read straight into the object.
        if (etag is null) return Serializer.Deserialize(reader)!;
        var parsed = JObject.Load(reader);
        parsed[ETagProperty] = etag;
        return parsed.ToObject<object>(Serializer)!;
    }

    /// <summary>A new ETag: opaque, never the same twice.</summary>
    public static string NewETag() => Guid.NewGuid().ToString("N");
}
