using System.Diagnostics;
using MagLearn.Bot.Channels.Teams;
using MagLearn.Bot.Channels.WebChat;
using MagLearn.Bot.Choices;
using MagLearn.Bot.Flows;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Insights;
using MagLearn.Bot.Menu;
using MagLearn.Bot.Presentation;
using MagLearn.Bot.Turns;
using MagLearn.Bot.Wording;
using MagLearn.Knowledge.Answers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Conversation;

/// <summary>
/// The bot: welcomes people, walks them through a guided flow when their message states a problem a flow handles,
/// and otherwise answers from the Learn index through the same router as the ask API. A message in the middle of
/// a flow goes to the flow first. Built on <see cref="TeamsActivityHandler"/> so that Teams' conversation events
/// arrive too; on other channels it behaves as a plain activity handler.
/// </summary>
public sealed class MagLearnBot : TeamsActivityHandler
{
    private readonly AskRouter router;
    private readonly AnswerPresenter presenter;
    private readonly TurnLog log;
    private readonly FlowRunner flows;
    private readonly FlowCatalog catalog;
    private readonly ConversationState state;
    private readonly PageContext pages;
    private readonly HelpMenu menu;
    private readonly AnswerRatings ratings;
    private readonly InsightRecorder insights;

    public MagLearnBot(AskRouter router, AnswerPresenter presenter, TurnLog log, FlowRunner flows, FlowCatalog catalog, ConversationState state,
        PageContext pages, HelpMenu menu, AnswerRatings ratings, InsightRecorder insights)
    {
        this.pages = pages;
        this.menu = menu;
        this.ratings = ratings;
        this.insights = insights;
        this.router = router;
        this.presenter = presenter;
        this.log = log;
        this.flows = flows;
        this.catalog = catalog;
        this.state = state;
    }

    /// <summary>Whatever the turn changed in the conversation's state (a flow's progress) is written to storage at its end.</summary>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await state.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Teams would first look up every added member's profile, one Connector call each (and a failed call would
    /// fail the turn); the welcome needs none of it.
    /// </summary>
    protected override Task OnTeamsMembersAddedDispatchAsync(IList<ChannelAccount> membersAdded, Microsoft.Bot.Schema.Teams.TeamInfo teamInfo,
        ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        OnMembersAddedAsync(membersAdded, turnContext, cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turn, CancellationToken cancellationToken)
    {
        if (ChoiceRenderer.IsTeams(turn.Activity.ChannelId))
        {
            if (TeamsWelcome.For(turn, menu) is { } welcome) await turn.SendActivityAsync(welcome, cancellationToken);
            return;
        }
        foreach (var member in membersAdded)
        {
            if (member.Id == turn.Activity.Recipient?.Id) continue;
            await turn.SendActivityAsync(ChoiceRenderer.Render(turn.Activity.ChannelId, Replies.Welcome, menu.Choices()), cancellationToken);
        }
    }

    /// <summary>Web Chat's join event says which portal page the chat opened on; the login page opens into login help.</summary>
    protected override async Task OnEventAsync(ITurnContext<IEventActivity> turn, CancellationToken cancellationToken)
    {
        if (pages.FlowFor(turn.Activity) is { } flowId) await flows.BeginAsync(turn, flowId, message: null, cancellationToken);
    }

    /// <summary>
    /// A Teams channel or group chat: everyone would see "Did this help?" for one person's question, and whoever
    /// pressed it would rate someone else's answer, so it is asked in one-to-one chats only.
    /// </summary>
    private static bool InGroup(IActivity activity) => activity.Conversation?.ConversationType is "channel" or "groupChat";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turn, CancellationToken cancellationToken)
    {
        var message = IncomingMessage.Read(turn.Activity, menu);
        var clock = Stopwatch.StartNew();
        // A "Did this help?" button means the same whatever the conversation is doing now.
        if (message.Feedback is { } feedback)
        {
            await ratings.TakeAsync(turn, message, feedback, cancellationToken);
            log.Other(message.Channel, "feedback", null, feedback.Passage.Page, feedback.Passage.Section, clock.Elapsed.TotalMilliseconds);
            return;
        }
        if (await flows.ContinueAsync(turn, message, cancellationToken)) return;
        // A flow question's button after its flow has ended (pressed twice at the last question, or an old card):
        // read as words it would start something nobody asked for.
        if (message.Answers is not null)
        {
            await turn.SendActivityAsync(Replies.FinishedQuestionsButton, cancellationToken: cancellationToken);
            log.Other(message.Channel, "late-button", null, null, null, clock.Elapsed.TotalMilliseconds);
            return;
        }

        if (message.Passage is { } shown)
        {
            await turn.SendActivityAsync(presenter.Passage(shown.Page, shown.Section), cancellationToken);
            log.Other(message.Channel, "answer", null, shown.Page, shown.Section, clock.Elapsed.TotalMilliseconds);
            return;
        }
        if (message.ChosenFlow is { } chosen && catalog.Contains(chosen))
        {
            await flows.BeginAsync(turn, chosen, message, cancellationToken);
            return;
        }
        if (message.HelpArea is { Flow: { } areaFlow } && catalog.Contains(areaFlow))
        {
            await flows.BeginAsync(turn, areaFlow, message, cancellationToken);
            return;
        }
        // A help area no flow walks through is answered as its question.
        var text = message.HelpArea?.Question ?? message.Text;
        if (text is null)
        {
            await turn.SendActivityAsync(Replies.NeedText, cancellationToken: cancellationToken);
            return;
        }

        var result = router.Ask(text, snippets: false);
        insights.Routed(message.Channel, turn.Activity.Conversation?.Id, text, result, clock.Elapsed.TotalMilliseconds);
        if (result is { Route: AskRoute.Dialog, Shape: AnswerShape.Single, Dialog: { } flowId } && catalog.Contains(flowId))
        {
            await flows.BeginAsync(turn, flowId, message, cancellationToken);
            return;
        }
        var reply = presenter.Present(message.Channel, result);
        if (result is { Route: AskRoute.Answer, Shape: AnswerShape.Single, SmallTalk: SmallTalk.None, Answers.Count: > 0 } && !InGroup(turn.Activity))
            await turn.SendActivitiesAsync([.. ratings.Answered(message.Channel, text, result, reply)], cancellationToken);
        else
            await turn.SendActivityAsync(reply, cancellationToken);
        log.Answered(message.Channel, result, clock.Elapsed.TotalMilliseconds);
    }
}
