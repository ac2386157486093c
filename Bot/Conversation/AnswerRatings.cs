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
/// "Did this help?" after an answer. Its buttons carry what they rate (see <see cref="AnswerFeedback"/>), so nothing
/// is kept in the conversation for them and nothing waits on them: a person who types on is simply answered again.
/// A "no" offers the next passage the router ranked, preferring another page; every rating is recorded.
/// </summary>
public sealed class AnswerRatings(AnswerPresenter presenter, InsightRecorder insights)
{
    /// <summary>The answer to send, asking whether it helped.</summary>
    public IReadOnlyList<IActivity> Answered(string? channel, string question, AskResult result, IMessageActivity answer)
    {
        var passages = result.Answers.Select(a => new PassageRef(a.Page, a.Section)).Distinct().ToList();
        var rated = passages[0];
        // The next passage on another page fits better than another section of the one that did not help.
        var instead = passages.Skip(1).FirstOrDefault(p => p.Page != rated.Page) ?? passages.Skip(1).FirstOrDefault();
        var about = new AnswerFeedback(true, rated, SecretRedactor.Redact(question), Math.Round(result.Confidence, 4), insights.IndexVersion, instead);
        return presenter.AskingIfItHelped(channel, answer, about);
    }

    /// <summary>A "Did this help?" button pressed: noted, then thanks, or the next passage (or a person).</summary>
    public async Task TakeAsync(ITurnContext turn, IncomingMessage message, AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        insights.Rated(message.Channel, turn.Activity.Conversation?.Id, feedback.Passage.Page, feedback.Passage.Section, feedback.Helped,
            new RatedAnswer(feedback.Question, feedback.Confidence, feedback.IndexVersion));
        if (feedback.Helped)
        {
            await turn.SendActivityAsync(MessageFactory.Text(Replies.GladItHelped), cancellationToken);
            return;
        }
        await turn.SendActivitiesAsync([.. presenter.AfterItDidNotHelp(message.Channel, feedback.Instead)], cancellationToken);
    }
}
