using System.Diagnostics;
using MagLearn.Bot.Cases;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Bot.Insights;
using MagLearn.Bot.Presentation;
using MagLearn.Bot.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MagLearn.Bot.Flows;

/// <summary>
/// The Bot Framework edge of the flows: loads the flow stack from conversation state, lets the engine take the
/// turn, stores the stack (and any hand-off summary) back in state and sends the replies. The state is written
/// to storage when the bot saves conversation state at the end of the turn; nothing stays in this object.
/// A turn is taken once: the stack remembers the turns it took (saved in the same write as what they did), so a
/// channel's retry of one of them does nothing, and a hand-off's case is recorded once (<see cref="CaseIntake"/>)
/// even when a turn that was never saved is taken again.
/// </summary>
public sealed class FlowRunner
{
    public const string StackProperty = "flows";
    public const string HandoffProperty = "handoff";

    private readonly FlowEngine engine;
    private readonly FlowReplyRenderer renderer;
    private readonly TurnLog log;
    private readonly InsightRecorder insights;
    private readonly CaseIntake cases;
    private readonly IStatePropertyAccessor<FlowStack> stacks;
    private readonly IStatePropertyAccessor<CaseSummary> handoffs;

    public FlowRunner(ConversationState state, FlowEngine engine, FlowReplyRenderer renderer, TurnLog log, InsightRecorder insights, CaseIntake cases)
    {
        this.cases = cases;
        this.engine = engine;
        this.renderer = renderer;
        this.log = log;
        this.insights = insights;
        stacks = state.CreateProperty<FlowStack>(StackProperty);
        handoffs = state.CreateProperty<CaseSummary>(HandoffProperty);
    }

    /// <summary>Handles the turn if a flow is active; false (and nothing sent) if none is.</summary>
    public async Task<bool> ContinueAsync(ITurnContext turn, IncomingMessage message, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stack = await stacks.GetAsync(turn, null, ct);
        if (stack is null || turn.Activity.Type != ActivityTypes.Message) return false;
        if (stack.HasTaken(turn.Activity.Id))
        {
            log.Other(message.Channel, "retry", stack.Top()?.FlowId, null, null, clock.Elapsed.TotalMilliseconds);
            return true;
        }
        if (!stack.IsActive()) return false;
        var result = engine.Continue(stack, ForEngine(message, TurnId(turn)));
        if (result.Handled) stack.Took(turn.Activity.Id);
        await stacks.SetAsync(turn, stack, ct);
        if (!result.Handled) return false;
        await SendAsync(turn, result, ct);
        log.Other(message.Channel, "dialog", result.FlowId, null, null, clock.Elapsed.TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// Starts <paramref name="flowId"/>, reading the opening question's answer from the message if it holds one
    /// (none for a flow opened by an event, or by a help-menu button, whose title says which flow, not the problem).
    /// </summary>
    public async Task BeginAsync(ITurnContext turn, string flowId, IncomingMessage? message, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stack = await stacks.GetAsync(turn, null, ct) ?? new FlowStack();
        // A retried event (a page's join) that opened this flow already.
        if (stack.HasTaken(turn.Activity.Id)) return;
        var words = message is { HelpArea: null } ? message.Text : null;
        var result = engine.Begin(stack, flowId, words, TurnId(turn));
        stack.Took(turn.Activity.Id);
        await stacks.SetAsync(turn, stack, ct);
        await SendAsync(turn, result, ct);
        log.Other(turn.Activity.ChannelId, "dialog", flowId, null, null, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Whether a flow is waiting for the person's next message in this conversation.</summary>
    public async Task<bool> IsActiveAsync(ITurnContext turn, CancellationToken ct) =>
        (await stacks.GetAsync(turn, null, ct))?.Top() is not null;

    /// <summary>The case summary of the conversation's last hand-off, if there was one.</summary>
    public async Task<CaseSummary?> LastHandoffAsync(ITurnContext turn, CancellationToken ct) =>
        await handoffs.GetAsync(turn, null, ct);

    /// <summary>
    /// A hand-off's case is recorded before anything is sent; its event goes out unless an earlier try of this turn
    /// sent it already (the person still sees the summary again: they may not have seen it the first time).
    /// </summary>
    private async Task SendAsync(ITurnContext turn, FlowResult result, CancellationToken ct)
    {
        var replies = result.Replies;
        CaseTaken? taken = null;
        if (replies.OfType<HandoffReply>().LastOrDefault() is { } handoff)
        {
            taken = await cases.TakeAsync(turn.Activity.ChannelId, turn.Activity.Conversation?.Id, handoff.Summary, ct);
            await handoffs.SetAsync(turn, taken.Case.Summary, ct);
            replies = [.. replies.Where(r => r is not HandoffReply || taken.ToForward).Select(r => r is HandoffReply ? new HandoffReply(taken.Case.Summary) : r)];
        }
        insights.Flows(turn.Activity.ChannelId, turn.Activity.Conversation?.Id, result.Events, taken is { IsNew: true } ? taken.Case.Summary : null);
        var activities = replies.Select(r => renderer.Render(turn.Activity.ChannelId, r)).ToArray();
        if (activities.Length > 0) await turn.SendActivitiesAsync(activities, ct);
        if (taken is { ToForward: true }) await cases.ForwardedAsync(taken.Case.Reference, ct);
    }

    /// <summary>
    /// The turn, named so that a retry of it has the same name: its conversation and activity id. An activity
    /// without an id cannot be recognised again, and gets a name of its own.
    /// </summary>
    private static string TurnId(ITurnContext turn) =>
        $"{turn.Activity.Conversation?.Id}|{(turn.Activity.Id is { Length: > 0 } id ? id : Guid.NewGuid().ToString("N"))}";

    /// <summary>The message as the engine reads it: the words, and what a pressed button stood for.</summary>
    private static FlowMessage ForEngine(IncomingMessage message, string turnId)
    {
        if (message.Passage is { } passage) return new FlowMessage(message.Text, Passage: new LearnPassageRef(passage.Page, passage.Section), TurnId: turnId);
        // A help area without a flow stands for its question ("" tells the engine no flow was asked for).
        if (message.HelpArea is { } area) return new FlowMessage(area.Flow is null ? area.Question : message.Text, RequestedFlow: area.Flow ?? "", TurnId: turnId);
        return new FlowMessage(message.Text, TurnId: turnId, Answers: message.Answers);
    }
}
