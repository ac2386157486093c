using MagLearn.Bot.Wording;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Choices;

/// <summary>
/// Shows a question with choices the way each channel renders best, decided once here from the channel id:
/// suggested actions on Web Chat and Direct Line, card buttons on Teams (suggested actions do not show in team
/// channels), a numbered list where there are no buttons at all.
/// </summary>
public static class ChoiceRenderer
{
    private static readonly HashSet<string> TextOnlyChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "sms", "email", "console", "plaintext", "telegram-text",
    };

    public static bool IsTextOnly(string? channelId) => channelId is not null && TextOnlyChannels.Contains(channelId);

    public static bool IsTeams(string? channelId) => string.Equals(channelId, Microsoft.Bot.Connector.Channels.Msteams, StringComparison.OrdinalIgnoreCase);

    public static IMessageActivity Render(string? channelId, string text, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0) return MessageFactory.Text(text);
        if (IsTextOnly(channelId))
        {
            var numbered = string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c.Title}"));
            return MessageFactory.Text($"{text}\n\n{numbered}\n\n{Replies.NumberedChoicesHint}");
        }
        if (IsTeams(channelId))
        {
            var card = new HeroCard { Text = text, Buttons = choices.Select(ToAction).ToList() };
            var activity = MessageFactory.Attachment(card.ToAttachment());
            return activity;
        }
        var message = MessageFactory.Text(text);
        message.SuggestedActions = Suggested(choices);
        return message;
    }

    /// <summary>
    /// A message with a follow-up question and its choices: the question as the message's last line and the choices
    /// as suggested actions where the channel shows them (one bubble, not two), as a card after it on Teams, and
    /// neither where there are no buttons (the person just types on).
    /// </summary>
    public static IReadOnlyList<IActivity> WithChoices(string? channelId, IMessageActivity message, string question, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0 || IsTextOnly(channelId)) return [message];
        if (IsTeams(channelId)) return [message, Render(channelId, question, choices)];
        message.Text = $"{message.Text}\n\n{question}";
        message.SuggestedActions = Suggested(choices);
        return [message];
    }

    private static SuggestedActions Suggested(IReadOnlyList<Choice> choices) => new() { Actions = choices.Select(ToAction).ToList() };

    /// <summary>messageBack sends the title as the user's words and the value as data: both paths lead to the same place.</summary>
    private static CardAction ToAction(Choice choice) => choice.Value is null
        ? new CardAction(ActionTypes.ImBack, choice.Title, value: choice.Title)
        : new CardAction(ActionTypes.MessageBack, choice.Title, text: choice.Title, displayText: choice.Title, value: choice.Value);
}
