using MagLearn.Bot.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Transcripts;

/// <summary>
/// An activity as it may be kept: every piece of prose in it passed through <see cref="SecretRedactor"/>, in both
/// directions. The person's message, a button's value, a card's text and the bot's own words are all redacted,
/// because the bot can echo what it was told (a hand-off summary quotes the person). Identifiers, addresses and
/// links are left alone: they are not prose, and masking them would make the transcript unreadable.
/// </summary>
public static class ActivityRedactor
{
    /// <summary>The parts of an activity that carry what someone said or submitted.</summary>
    private static readonly string[] SaidProperties = ["text", "speak", "summary", "value", "attachments", "suggestedActions", "channelData"];

    /// <summary>Within those, names whose values are identifiers or links, never a sentence anyone typed.</summary>
    private static readonly HashSet<string> NotProse = new(StringComparer.OrdinalIgnoreCase)
    {
        "$type", "type", "contentType", "id", "url", "contentUrl", "thumbnailUrl", "image", "tenant", "textFormat", "locale",
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = null,
    });

    public static JObject Redact(IActivity activity)
    {
        var json = JObject.FromObject(activity, Serializer);
        foreach (var name in SaidProperties)
        {
            if (json.Property(name) is { } property) property.Value = Redacted(property.Value);
        }
        return json;
    }

    /// <summary>Any JSON with its prose redacted the same way (a hand-off summary read back for support staff).</summary>
    public static JToken RedactProse(JToken token) => Redacted(token);

    private static JToken Redacted(JToken token) => token switch
    {
        JValue { Type: JTokenType.String } text => new JValue(SecretRedactor.Redact((string?)text)),
        JObject obj => RedactedObject(obj),
        JArray array => new JArray(array.Select(Redacted)),
        _ => token,
    };

    private static JObject RedactedObject(JObject obj)
    {
        var copy = new JObject();
        foreach (var property in obj.Properties())
            copy[property.Name] = NotProse.Contains(property.Name) ? property.Value.DeepClone() : Redacted(property.Value);
        return copy;
    }
}
