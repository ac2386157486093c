using System.Diagnostics;
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
/// </summary>
public sealed class FlowRunner
{
    public const string StackProperty = "flows";
    public const string HandoffProperty = "handoff";

    private readonly FlowEngine engine;
    private readonly FlowReplyRenderer renderer;
    private readonly TurnLog log;
    private readonly InsightRecorder insights;
    private readonly IStatePropertyAccessor<FlowStack> stacks;
    private readonly IStatePropertyAccessor<CaseSummary> handoffs;

    public FlowRunner(ConversationState state, FlowEngine engine, FlowReplyRenderer renderer, TurnLog log, InsightRecorder insights)
    {
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
        if (stack is null || !stack.IsActive() || turn.Activity.Type != ActivityTypes.Message) return false;
        var result = engine.Continue(stack, ForEngine(message));
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
        var words = message is { HelpArea: null } ? message.Text : null;
        var result = engine.Begin(stack, flowId, words);
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

    private async Task SendAsync(ITurnContext turn, FlowResult result, CancellationToken ct)
    {
        var handoff = result.Replies.OfType<HandoffReply>().LastOrDefault();
        if (handoff is not null) await handoffs.SetAsync(turn, handoff.Summary, ct);
        insights.Flows(turn.Activity.ChannelId, turn.Activity.Conversation?.Id, result.Events, handoff?.Summary);
        var activities = result.Replies.Select(r => renderer.Render(turn.Activity.ChannelId, r)).ToArray();
        if (activities.Length > 0) await turn.SendActivitiesAsync(activities, ct);
    }

    /// <summary>The message as the engine reads it: the words, and what a pressed button stood for.</summary>
    private static FlowMessage ForEngine(IncomingMessage message)
    {
        if (message.Passage is { } passage) return new FlowMessage(message.Text, Passage: new LearnPassageRef(passage.Page, passage.Section));
        // A help area without a flow stands for its question ("" tells the engine no flow was asked for).
        if (message.HelpArea is { } area) return new FlowMessage(area.Flow is null ? area.Question : message.Text, RequestedFlow: area.Flow ?? "");
        return new FlowMessage(message.Text);
    }
}
