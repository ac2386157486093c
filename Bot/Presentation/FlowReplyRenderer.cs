using MagLearn.Bot.Choices;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Bot.Learn;
using MagLearn.Bot.Turns;
using MagLearn.Bot.Wording;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace MagLearn.Bot.Presentation;

/// <summary>
/// Turns the engine's replies into activities for the channel at hand. Choices go through
/// <see cref="ChoiceRenderer"/> (suggested actions, Teams card buttons or a numbered list, decided by channel id),
/// passages and side answers through <see cref="AnswerPresenter"/>, so a flow looks like the rest of the bot.
/// </summary>
public sealed class FlowReplyRenderer
{
    public const string HandoffEventName = "handoff";

    private static readonly JsonSerializer CamelCase = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
    });

    private readonly AnswerPresenter presenter;
    private readonly KnowledgeBase knowledge;
    private readonly LearnLinks links;

    public FlowReplyRenderer(AnswerPresenter presenter, KnowledgeBase knowledge, LearnLinks links)
    {
        this.presenter = presenter;
        this.knowledge = knowledge;
        this.links = links;
    }

    public IActivity Render(string? channelId, FlowReply reply) => reply switch
    {
        TextReply text => MessageFactory.Text(text.Markdown),
        PromptReply prompt => ChoiceRenderer.Render(channelId, prompt.Text, prompt.Choices.Select(c => new Choice(c, AnswersValue(prompt))).ToList()),
        PassageReply passage => presenter.Passage(passage.Page, passage.Section),
        AnswerReply answer => presenter.Present(channelId, answer.Result),
        ResolutionReply resolution => MessageFactory.Text(resolution.Markdown + "\n\n" + Source(resolution.Page, resolution.Section)),
        HandoffReply handoff => HandoffEvent(handoff.Summary),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "no rendering for this reply"),
    };

    /// <summary>What a flow question's buttons carry as data: the question they answer, so a late press is recognised.</summary>
    private static JObject? AnswersValue(PromptReply prompt) =>
        prompt.Answers is null ? null : new JObject { [IncomingMessage.AnswersKey] = prompt.Answers };

    /// <summary>The event a human-agent hub or a Teams channel listens for; Value is the summary as JSON.</summary>
    public static IEventActivity HandoffEvent(CaseSummary summary)
    {
        var activity = Activity.CreateEventActivity();
        activity.Name = HandoffEventName;
        activity.Value = JObject.FromObject(summary, CamelCase);
        return activity;
    }

    /// <summary>"Source: [Login Assistance: Forgotten password](…/learn/login-assistance#forgot-password)".</summary>
    private string Source(string pageId, string sectionId)
    {
        var library = knowledge.Current.Library;
        var page = library.Find(pageId);
        var passage = library.Find(pageId, sectionId);
        var name = page is null || passage is null ? $"{pageId}#{sectionId}" : $"{page.Title}: {passage.Heading}";
        return Replies.Source(name, links.To(AskRouter.UrlOf(pageId, sectionId)));
    }
}
