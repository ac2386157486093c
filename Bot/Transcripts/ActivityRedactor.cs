using System.Globalization;
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
    /// <summary>
    /// The parts of an activity that carry what someone said or submitted, and the accounts on it: a display name
    /// is whatever the person typed into a profile or a page gave Web Chat, and has been seen to hold a password.
    /// </summary>
    private static readonly HashSet<string> SaidProperties = new(StringComparer.Ordinal)
    {
        "text", "speak", "summary", "value", "attachments", "suggestedActions", "channelData", "from", "recipient",
    };

    /// <summary>Within those, names whose values are identifiers or links, never a sentence anyone typed.</summary>
    private static readonly HashSet<string> NotProse = new(StringComparer.OrdinalIgnoreCase)
    {
        "$type", "type", "contentType", "id", "url", "contentUrl", "thumbnailUrl", "image", "tenant", "textFormat", "locale",
        "role", "aadObjectId",
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = null,
    });

    /// <summary>
    /// The activity as redacted JSON text, written in one pass; <paramref name="defaults"/> are added at the top
    /// level when the activity has no such property. The activity itself is not changed.
    /// </summary>
    public static string RedactedJson(IActivity activity, IReadOnlyList<(string Name, object Value)>? defaults = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new RedactingJsonWriter(text, SaidProperties, NotProse) { Formatting = Formatting.None, Defaults = defaults ?? [] })
            Serializer.Serialize(writer, activity);
        return text.ToString();
    }

    /// <summary>The same, as a JSON object.</summary>
    public static JObject Redact(IActivity activity) => (JObject)Parsed(RedactedJson(activity));

    /// <summary>Any JSON with all its prose redacted the same way (a hand-off summary read back for support staff).</summary>
    public static JToken RedactProse(JToken token)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new RedactingJsonWriter(text, said: null, NotProse) { Formatting = Formatting.None }) token.WriteTo(writer);
        return Parsed(text.ToString());
    }

    /// <summary>Text that looks like a date stays text, as it was in what was redacted.</summary>
    private static JToken Parsed(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = null };
        return JToken.ReadFrom(reader);
    }
}
