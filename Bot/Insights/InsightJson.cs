using System.Text.Json;
using System.Text.Json.Serialization;

namespace MagLearn.Bot.Insights;

/// <summary>How an event is written to a store, and read back: a row that does not read is skipped, not fatal.</summary>
internal static class InsightJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static InsightEvent? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<InsightEvent>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
