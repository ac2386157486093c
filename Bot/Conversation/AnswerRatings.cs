using MagLearn.Bot.Insights;
using MagLearn.Bot.Presentation;
using MagLearn.Bot.Privacy;
using MagLearn.Bot.Turns;
using MagLearn.Bot.Wording;
using MagLearn.Knowledge.Answers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Conversation;

/// <summary>
/// "Did this help?" after an answer: remembers the last answer given outside a flow (its question, redacted, and
/// the passages ranked after it) so that a "no" can offer the next one, and records every rating for the insights.
/// Nothing waits on the question: a person who types on is simply answered again.
/// </summary>
public sealed class AnswerRatings(ConversationState state, AnswerPresenter presenter, InsightRecorder insights)
{
    public const string StateProperty = "lastAnswer";

    private readonly IStatePropertyAccessor<LastAnswer> last = state.CreateProperty<LastAnswer>(StateProperty);

    /// <summary>The answer to send, asking whether it helped; remembers what to offer if it did not.</summary>
    public async Task<IReadOnlyList<IActivity>> AnsweredAsync(ITurnContext turn, string? channel, string question, AskResult result, IMessageActivity answer,
        CancellationToken cancellationToken)
    {
        var passages = result.Answers.Select(a => new PassageRef(a.Page, a.Section)).Distinct().ToList();
        await last.SetAsync(turn, new LastAnswer
        {
            Question = SecretRedactor.Redact(question),
            Passages = passages,
            Confidence = Math.Round(result.Confidence, 4),
            IndexVersion = insights.IndexVersion,
        }, cancellationToken);
        return presenter.AskingIfItHelped(channel, answer, passages[0].Page, passages[0].Section);
    }

    /// <summary>A "Did this help?" button pressed: noted, then thanks, or the next passage (or a person).</summary>
    public async Task TakeAsync(ITurnContext turn, IncomingMessage message, AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        var answered = await last.GetAsync(turn, () => new LastAnswer(), cancellationToken);
        var rated = feedback.Passage;
        insights.Rated(message.Channel, turn.Activity.Conversation?.Id, rated.Page, rated.Section, feedback.Helped,
            new RatedAnswer(answered.Question, answered.Confidence, answered.IndexVersion));
        if (feedback.Helped)
        {
            await turn.SendActivityAsync(MessageFactory.Text(Replies.GladItHelped), cancellationToken);
            return;
        }
        // The next passage on another page fits better than another section of the one that did not help.
        var others = answered.Passages.Where(p => p != rated).ToList();
        var instead = others.FirstOrDefault(p => p.Page != rated.Page) ?? others.FirstOrDefault();
        answered.Passages.Remove(rated);
        await turn.SendActivitiesAsync([.. presenter.AfterItDidNotHelp(message.Channel, instead)], cancellationToken);
    }
}

/// <summary>The last answer given outside a flow, as conversation state keeps it.</summary>
public sealed class LastAnswer
{
    /// <summary>The question, redacted.</summary>
    public string? Question { get; set; }

    /// <summary>The passages the router ranked, best first.</summary>
    public List<PassageRef> Passages { get; set; } = [];

    public double? Confidence { get; set; }

    /// <summary>The content index the answer came from.</summary>
    public string? IndexVersion { get; set; }
}
