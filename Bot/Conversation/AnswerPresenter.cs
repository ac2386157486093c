using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Conversation;

/// <summary>
/// Turns the router's decision into the message a person sees: the passage in Markdown with its source cited,
/// the "Did you mean" choices, the fallback, or a small-talk reply.
/// </summary>
public sealed class AnswerPresenter
{
    private readonly KnowledgeBase knowledge;
    private readonly LearnLinks links;

    public AnswerPresenter(KnowledgeBase knowledge, LearnLinks links)
    {
        this.knowledge = knowledge;
        this.links = links;
    }

    public IMessageActivity Present(string? channelId, AskResult result) => result switch
    {
        { SmallTalk: SmallTalk.Greeting } => ChoiceRenderer.Render(channelId, Replies.Greeting, HelpAreas.AsChoices()),
        { SmallTalk: SmallTalk.Help } => ChoiceRenderer.Render(channelId, Replies.Help, HelpAreas.AsChoices()),
        { SmallTalk: SmallTalk.Thanks } => MessageFactory.Text(Replies.Thanks),
        { SmallTalk: SmallTalk.Goodbye } => MessageFactory.Text(Replies.Goodbye),
        { Route: AskRoute.Answer, Shape: AnswerShape.Choices } => ChoiceRenderer.Render(channelId, Replies.DidYouMean, ChoicesOf(result)),
        { Route: AskRoute.Answer } => Passage(result.Answers[0].Page, result.Answers[0].Section),
        _ => ChoiceRenderer.Render(channelId, Replies.Fallback, HelpAreas.AsChoices()),
    };

    /// <summary>A whole Learn passage with its heading and a "Read more" link to the page section.</summary>
    public IMessageActivity Passage(string pageId, string sectionId)
    {
        var library = knowledge.Current.Library;
        var page = library.Find(pageId);
        var passage = library.Find(pageId, sectionId);
        if (page is null || passage is null) return MessageFactory.Text(Replies.PassageGone);
        var link = links.To(AskRouter.UrlOf(pageId, sectionId));
        var text = $"**{passage.Heading}**\n\n{passage.Markdown}\n\nRead more: [{page.Title}]({link})";
        return MessageFactory.Text(text);
    }

    private static IReadOnlyList<Choice> ChoicesOf(AskResult result) =>
        result.Answers
            .Select(a => new Choice(a.Heading, new Dictionary<string, string> { ["page"] = a.Page, ["section"] = a.Section }))
            .DistinctBy(c => c.Title)
            .ToList();
}
