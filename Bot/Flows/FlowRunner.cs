using System.Diagnostics;
using MagLearn.Bot.Conversation;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Bot.Flows.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

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
    private readonly IStatePropertyAccessor<FlowStack> stacks;
    private readonly IStatePropertyAccessor<CaseSummary> handoffs;

    public FlowRunner(ConversationState state, FlowEngine engine, FlowReplyRenderer renderer, TurnLog log)
    {
        this.engine = engine;
        this.renderer = renderer;
        this.log = log;
        stacks = state.CreateProperty<FlowStack>(StackProperty);
        handoffs = state.CreateProperty<CaseSummary>(HandoffProperty);
    }

    /// <summary>Handles the turn if a flow is active; false (and nothing sent) if none is.</summary>
    public async Task<bool> ContinueAsync(ITurnContext turn, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stack = await stacks.GetAsync(turn, null, ct);
        if (stack is null || !stack.IsActive() || turn.Activity.Type != ActivityTypes.Message) return false;
        var result = engine.Continue(stack, MessageOf(turn.Activity));
        await stacks.SetAsync(turn, stack, ct);
        if (!result.Handled) return false;
        await SendAsync(turn, result, ct);
        log.Other(turn.Activity.ChannelId, "dialog", result.FlowId, null, null, clock.Elapsed.TotalMilliseconds);
        return true;
    }

    /// <summary>Starts <paramref name="flowId"/>, reading the opening question's answer from the message if it holds one.</summary>
    public async Task BeginAsync(ITurnContext turn, string flowId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stack = await stacks.GetAsync(turn, null, ct) ?? new FlowStack();
        var text = turn.Activity.Type == ActivityTypes.Message ? MagLearnBot.MessageText(turn.Activity.AsMessageActivity()) : null;
        // A welcome button's title says which flow, not what the problem is.
        var words = HelpAreas.Find(text) is null ? text : null;
        var result = engine.Begin(stack, flowId, words);
        await stacks.SetAsync(turn, stack, ct);
        await SendAsync(turn, result, ct);
        log.Other(turn.Activity.ChannelId, "dialog", flowId, null, null, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The case summary of the conversation's last hand-off, if there was one.</summary>
    public async Task<CaseSummary?> LastHandoffAsync(ITurnContext turn, CancellationToken ct) =>
        await handoffs.GetAsync(turn, null, ct);

    private async Task SendAsync(ITurnContext turn, FlowResult result, CancellationToken ct)
    {
        if (result.Replies.OfType<HandoffReply>().LastOrDefault() is { } handoff)
            await handoffs.SetAsync(turn, handoff.Summary, ct);
        var activities = result.Replies.Select(r => renderer.Render(turn.Activity.ChannelId, r)).ToArray();
        if (activities.Length > 0) await turn.SendActivitiesAsync(activities, ct);
    }

    /// <summary>The message as the engine reads it, with what a pressed button stood for.</summary>
    internal static FlowMessage MessageOf(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        var text = message is null ? null : MagLearnBot.MessageText(message);
        var data = ValueOf(message?.Value);
        if (data?.Value<string>("page") is { } page && data.Value<string>("section") is { } section)
            return new FlowMessage(text, Passage: new LearnPassageRef(page, section));
        var area = HelpAreas.Find(data?.Value<string>("helpArea")) ?? HelpAreas.Find(text);
        if (area is not null)
            return new FlowMessage(area.FlowId.Length == 0 ? area.Question : text, RequestedFlow: area.FlowId);
        return new FlowMessage(text);
    }

    private static JObject? ValueOf(object? value) => value switch
    {
        JObject o => o,
        string s when s.TrimStart().StartsWith('{') => TryParse(s),
        _ => null,
    };

    private static JObject? TryParse(string json)
    {
        try { return JObject.Parse(json); }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }
}
