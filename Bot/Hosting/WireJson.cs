using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// The Bot Framework wire format (Newtonsoft, the schema's own property names, nulls left out), without the
/// indentation of <see cref="HttpHelper.BotMessageSerializerSettings"/> (a third of a reply's bytes) and with a depth
/// limit: what the host writes back to channels and what its local Direct Line keeps and reads.
/// </summary>
internal static class WireJson
{
    public static readonly JsonSerializerSettings Settings = Compact(HttpHelper.BotMessageSerializerSettings);

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static byte[] SerializeToUtf8(object value) => Encoding.UTF8.GetBytes(Serialize(value));

    public static T? Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings);

    /// <summary>
    /// Whether reading a stranger's JSON failed because of the JSON: besides the parser's own exceptions, the Bot
    /// Framework schema's converters throw casts and argument errors on shapes they do not expect (an attachment
    /// whose content holds <c>$type</c>, say). Any of them means "not an activity", never a 500.
    /// </summary>
    public static bool IsUnreadable(Exception e) =>
        e is JsonException or InvalidCastException or ArgumentException or FormatException or OverflowException or InvalidOperationException;

    private static JsonSerializerSettings Compact(JsonSerializerSettings wire) => new()
    {
        Formatting = Formatting.None,
        NullValueHandling = wire.NullValueHandling,
        ContractResolver = wire.ContractResolver,
        Converters = wire.Converters,
        DateFormatHandling = wire.DateFormatHandling,
        DateTimeZoneHandling = wire.DateTimeZoneHandling,
        DateParseHandling = wire.DateParseHandling,
        ReferenceLoopHandling = wire.ReferenceLoopHandling,
        MaxDepth = 64,
        // "$type", "$id" and "$ref" in a client's activity are plain properties, not instructions to the reader.
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
    };
}
