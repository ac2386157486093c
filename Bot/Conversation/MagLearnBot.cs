using System.Diagnostics;
using MagLearn.Bot.Channels.Teams;
using MagLearn.Bot.Channels.WebChat;
using MagLearn.Bot.Flows;
using MagLearn.Knowledge.Answers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

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

    public MagLearnBot(AskRouter router, AnswerPresenter presenter, TurnLog log, FlowRunner flows, FlowCatalog catalog, ConversationState state, PageContext pages)
    {
        this.pages = pages;
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
            if (TeamsWelcome.For(turn) is { } welcome) await turn.SendActivityAsync(welcome, cancellationToken);
            return;
        }
        foreach (var member in membersAdded)
        {
            if (member.Id == turn.Activity.Recipient?.Id) continue;
            await turn.SendActivityAsync(ChoiceRenderer.Render(turn.Activity.ChannelId, Replies.Welcome, HelpAreas.AsChoices()), cancellationToken);
        }
    }

    /// <summary>Web Chat's join event says which portal page the chat opened on; the login page opens into login help.</summary>
    protected override async Task OnEventAsync(ITurnContext<IEventActivity> turn, CancellationToken cancellationToken)
    {
        if (pages.FlowFor(turn.Activity) is { } flowId) await flows.BeginAsync(turn, flowId, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turn, CancellationToken cancellationToken)
    {
        if (await flows.ContinueAsync(turn, cancellationToken)) return;

        var clock = Stopwatch.StartNew();
        var activity = turn.Activity;
        if (ShownPassage(activity.Value) is { } shown)
        {
            await turn.SendActivityAsync(presenter.Passage(shown.Page, shown.Section), cancellationToken);
            log.Other(activity.ChannelId, "answer", null, shown.Page, shown.Section, clock.Elapsed.TotalMilliseconds);
            return;
        }

        if (ChosenFlow(activity.Value) is { } chosen && catalog.Contains(chosen))
        {
            await flows.BeginAsync(turn, chosen, cancellationToken);
            return;
        }

        // A card's Action.Submit (Teams) carries the pressed help area in its value, with no text.
        var text = MessageText(activity) is { Length: > 0 } typed ? typed : SubmittedHelpArea(activity.Value);
        if (string.IsNullOrWhiteSpace(text))
        {
            await turn.SendActivityAsync(Replies.NeedText, cancellationToken: cancellationToken);
            return;
        }
        if (HelpAreas.Find(text) is { } area)
        {
            if (catalog.Contains(area.FlowId))
            {
                await flows.BeginAsync(turn, area.FlowId, cancellationToken);
                return;
            }
            text = area.Question;
        }

        var result = router.Ask(text, snippets: false);
        if (result is { Route: AskRoute.Dialog, Shape: AnswerShape.Single, Dialog: { } flowId } && catalog.Contains(flowId))
        {
            await flows.BeginAsync(turn, flowId, cancellationToken);
            return;
        }
        await turn.SendActivityAsync(presenter.Present(activity.ChannelId, result), cancellationToken);
        log.Answered(activity.ChannelId, result, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The user's words, without the @mention of the bot that Teams puts in group and channel messages.</summary>
    internal static string? MessageText(IMessageActivity activity)
    {
        // Without a recipient there is no mention of the bot to remove (and the SDK would throw looking for one).
        var text = activity.Recipient is null ? activity.Text : activity.RemoveRecipientMention() ?? activity.Text;
        return text?.Trim();
    }

    /// <summary>A "Did you mean" button carries the page and section it stands for.</summary>
    private static (string Page, string Section)? ShownPassage(object? value)
    {
        var data = value switch
        {
            JObject o => o,
            string s when s.TrimStart().StartsWith('{') => TryParse(s),
            _ => null,
        };
        var page = data?.Value<string>("page");
        var section = data?.Value<string>("section");
        return page is null || section is null ? null : (page, section);
    }

    /// <summary>A "Did you mean" button for a flow carries the flow's id.</summary>
    private static string? ChosenFlow(object? value) => value switch
    {
        JObject o => o.Value<string>("flow"),
        string s when s.TrimStart().StartsWith('{') => TryParse(s)?.Value<string>("flow"),
        _ => null,
    };

    private static string? SubmittedHelpArea(object? value) => value switch
    {
        JObject o => o.Value<string>("helpArea"),
        string s when s.TrimStart().StartsWith('{') => TryParse(s)?.Value<string>("helpArea"),
        _ => null,
    };

    private static JObject? TryParse(string json)
    {
        try { return JObject.Parse(json); }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }
}
