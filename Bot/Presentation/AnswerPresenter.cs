using MagLearn.Bot.Choices;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Learn;
using MagLearn.Bot.Menu;
using MagLearn.Bot.Turns;
using MagLearn.Bot.Wording;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Presentation;

/// <summary>
/// Turns the router's decision into the message a person sees: the passage in Markdown with its source cited,
/// the "Did you mean" choices, the fallback, or a small-talk reply.
/// </summary>
public sealed class AnswerPresenter
{
    private readonly KnowledgeBase knowledge;
    private readonly LearnLinks links;
    private readonly FlowCatalog flows;
    private readonly HelpMenu menu;

    public AnswerPresenter(KnowledgeBase knowledge, LearnLinks links, FlowCatalog flows, HelpMenu menu)
    {
        this.menu = menu;
        this.knowledge = knowledge;
        this.links = links;
        this.flows = flows;
    }

    public IMessageActivity Present(string? channelId, AskResult result) => result switch
    {
        { SmallTalk: SmallTalk.Greeting } => ChoiceRenderer.Render(channelId, Replies.Greeting, menu.Choices()),
        { SmallTalk: SmallTalk.Help } => ChoiceRenderer.Render(channelId, Replies.Help, menu.Choices()),
        { SmallTalk: SmallTalk.Thanks } => MessageFactory.Text(Replies.Thanks),
        { SmallTalk: SmallTalk.Goodbye } => MessageFactory.Text(Replies.Goodbye),
        { Shape: AnswerShape.Choices, Route: AskRoute.Answer or AskRoute.Dialog } => ChoiceRenderer.Render(channelId, Replies.DidYouMean, ChoicesOf(result)),
        { Route: AskRoute.Answer } => Passage(result.Answers[0].Page, result.Answers[0].Section),
        _ => ChoiceRenderer.Render(channelId, Replies.Fallback, menu.Choices()),
    };

    /// <summary>The answer with "Did this help?" after it, yes or no, each button carrying what it rates.</summary>
    public IReadOnlyList<IActivity> AskingIfItHelped(string? channelId, IMessageActivity answer, AnswerFeedback about)
    {
        IReadOnlyList<Choice> choices = [new(Replies.ItHelped, about.ButtonValue(helped: true)), new(Replies.ItDidNot, about.ButtonValue(helped: false))];
        return ChoiceRenderer.WithChoices(channelId, answer, Replies.DidThisHelp, choices);
    }

    /// <summary>After "no": another passage that may fit better, or, with none, a person or the topics.</summary>
    public IReadOnlyList<IActivity> AfterItDidNotHelp(string? channelId, PassageRef? instead)
    {
        var person = new Choice(Replies.TalkToAPerson);
        // The passage comes back from the client with the button: offer it only if the content still has it.
        if (instead is null || knowledge.Current.Library.Find(instead.Page, instead.Section) is null)
            return [ChoiceRenderer.Render(channelId, Replies.NothingBetter, [person, .. menu.Choices()])];
        return [MessageFactory.Text(Replies.TryThisInstead), .. ChoiceRenderer.WithChoices(channelId, Passage(instead.Page, instead.Section), Replies.StillNotIt, [person])];
    }

    /// <summary>A whole Learn passage with its heading and a "Read more" link to the page section.</summary>
    public IMessageActivity Passage(string pageId, string sectionId)
    {
        var library = knowledge.Current.Library;
        var page = library.Find(pageId);
        var passage = library.Find(pageId, sectionId);
        if (page is null || passage is null) return MessageFactory.Text(Replies.PassageGone);
        var link = links.To(AskRouter.UrlOf(pageId, sectionId));
        var text = $"**{passage.Heading}**\n\n{passage.Markdown}\n\n{Replies.ReadMore(page.Title, link)}";
        return MessageFactory.Text(text);
    }

    /// <summary>
    /// The passages to pick from, and the flow the router found nearly as likely (first when it was the likelier):
    /// "Did you mean" between reading about a topic and being walked through it.
    /// </summary>
    private IReadOnlyList<Choice> ChoicesOf(AskResult result)
    {
        var passages = result.Answers
            .Select(a => new Choice(a.Heading, new Dictionary<string, string> { ["page"] = a.Page, ["section"] = a.Section }));
        var flow = result.OfferedFlow is { } id && flows.Find(id) is { } found
            ? new Choice(found.Title, new Dictionary<string, string> { ["flow"] = found.Id })
            : null;
        var all = flow is null ? passages : result.Route == AskRoute.Dialog ? passages.Prepend(flow) : passages.Append(flow);
        return all.DistinctBy(c => c.Title).ToList();
    }
}
