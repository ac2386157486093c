using System.Text.Json;

namespace MagLearn.Bot.Cases;

/// <summary>How a case is written in SQLite and Redis, and read back.</summary>
internal static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(CaseRecord record) => JsonSerializer.Serialize(record, Options);

    public static CaseRecord Read(string json) =>
        JsonSerializer.Deserialize<CaseRecord>(json, Options) ?? throw new JsonException("a stored case reads as null");
}
