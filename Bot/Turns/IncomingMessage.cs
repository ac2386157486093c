using MagLearn.Bot.Menu;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Turns;

/// <summary>
/// A message as the bot reads it, read once where it comes in (<see cref="Read"/>) and handed down: the words the
/// person typed (without Teams' @mention of the bot), and what a pressed button stood for. Nothing below the edge
/// looks at the activity again.
/// </summary>
/// <param name="Channel">The channel id ("webchat", "msteams", "directline", ...).</param>
/// <param name="Text">What was typed or what a button sent as text, trimmed; null when there is none.</param>
/// <param name="Passage">A "Did you mean" button's Learn passage.</param>
/// <param name="ChosenFlow">A "Did you mean" button's flow.</param>
/// <param name="HelpArea">A help-menu button pressed, or its title typed.</param>
/// <param name="Feedback">A "Did this help?" button: whether it did, for which passage.</param>
/// <param name="Answers">A flow question's button: the question ("flow/step") it was offered with.</param>
public sealed record IncomingMessage(string? Channel, string? Text, PassageRef? Passage = null, string? ChosenFlow = null, HelpArea? HelpArea = null,
    AnswerFeedback? Feedback = null, string? Answers = null)
{
    /// <summary>The name, in a flow button's value, of the question it answers.</summary>
    public const string AnswersKey = "answers";

    /// <summary>The message in <paramref name="activity"/>; an activity that is no message reads as one with nothing in it.</summary>
    public static IncomingMessage Read(IActivity activity, HelpMenu menu)
    {
        var message = activity.AsMessageActivity();
        var text = message is null ? null : TypedText(message);
        var value = ValueOf(message?.Value);
        var passage = value?.Value<string>("page") is { } page && value.Value<string>("section") is { } section ? new PassageRef(page, section) : null;
        if (value is not null && AnswerFeedback.Read(value, passage) is { } feedback)
            return new IncomingMessage(activity.ChannelId, text, Feedback: feedback);
        // A card's Action.Submit (Teams) carries the pressed area in its value and no text.
        var area = menu.Find(value?.Value<string>(HelpMenu.AreaValueKey)) ?? menu.Find(text);
        return new IncomingMessage(activity.ChannelId, text, passage, value?.Value<string>("flow"), area, Answers: value?.Value<string>(AnswersKey));
    }

    /// <summary>The user's words, without the @mention of the bot that Teams puts in group and channel messages.</summary>
    private static string? TypedText(IMessageActivity message)
    {
        // Without a recipient there is no mention of the bot to remove (and the SDK would throw looking for one).
        var text = message.Recipient is null ? message.Text : message.RemoveRecipientMention() ?? message.Text;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A button's value: a JSON object, as Web Chat and Teams send it, or the same as a string.</summary>
    private static JObject? ValueOf(object? value) => value switch
    {
        JObject o => Strings(o),
        string s when s.TrimStart().StartsWith('{') => TryParse(s) is { } parsed ? Strings(parsed) : null,
        _ => null,
    };

    /// <summary>The value's string properties only: an object or a list where a name is expected names nothing.</summary>
    private static JObject Strings(JObject value) =>
        new(value.Properties().Where(p => p.Value.Type == JTokenType.String).Select(p => new JProperty(p.Name, p.Value)));

    private static JObject? TryParse(string json)
    {
        try { return JObject.Parse(json); }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }
}

/// <summary>A Learn passage a button stands for: a page id and one of its section ids.</summary>
public sealed record PassageRef(string Page, string Section);
