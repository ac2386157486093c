using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Bot.Flows.Prompts;
using Say = MagLearn.Bot.Wording.Replies;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>
/// Moves the flow stack forward within one turn: runs the steps that need no answer (say, show, set, branch,
/// jumps into other flows) until a step waits for the person, a resolution is given, or a hand-off happens.
/// Collects what is to be said in <see cref="Replies"/>.
/// </summary>
internal sealed class StepWalker
{
    /// <summary>More steps than any flow has in a row without asking; the validator rules out silent loops.</summary>
    private const int MaxStepsPerTurn = 200;

    private readonly FlowCatalog catalog;
    private readonly FlowStack stack;
    private readonly DateTimeOffset now;
    private readonly string turnId;
    private int opened;

    /// <param name="turnId">The turn being taken, unique in the conversation's history: the frames it opens are named after it.</param>
    public StepWalker(FlowCatalog catalog, FlowStack stack, DateTimeOffset now, string turnId)
    {
        this.catalog = catalog;
        this.stack = stack;
        this.now = now;
        this.turnId = turnId;
    }

    public List<FlowReply> Replies { get; } = [];

    /// <summary>What happened in the flows while walking, for the funnels.</summary>
    public List<FlowEvent> Events { get; } = [];

    /// <summary>
    /// Opens <paramref name="flowId"/> on top of the stack and runs it. If <paramref name="openingWords"/> already
    /// answer its first choice question ("I forgot my password"), that question is skipped.
    /// </summary>
    public void Start(string flowId, string? trigger, string? openingWords, string? reason = null)
    {
        var flow = catalog.Find(flowId) ?? throw new ArgumentException($"unknown flow '{flowId}'", nameof(flowId));
        stack.Frames.Add(new FlowFrame { Id = NextFrameId(), FlowId = flowId, StepId = flow.First.Id, Trigger = trigger, Reason = reason });
        Events.Add(new FlowBegun(flowId));
        Run(openingWords);
    }

    /// <summary>Opens the hand-off on top of whatever is in progress, so its summary can read the flows below it.</summary>
    public void StartHandoff(string reason, string? maskedWords = null) =>
        Start(FlowCatalog.HandoffFlowId, maskedWords ?? stack.Top()?.Trigger, openingWords: null, reason);

    /// <summary>Moves the top frame to <paramref name="stepId"/> and runs from there.</summary>
    public void GoTo(string stepId)
    {
        var frame = stack.Top()!;
        frame.StepId = stepId;
        frame.Phase = FramePhase.Answering;
        frame.Attempts = 0;
        Run(null);
    }

    /// <summary>Notes an answer for the summary and saves its value if the step says so.</summary>
    public static void Record(FlowFrame frame, AskStep step, string shown, string? saved)
    {
        frame.Answers.Add(new GivenAnswer { StepId = step.Id, Question = step.Text, Answer = shown });
        if (step.SaveAs is not null && saved is not null) frame.Values[step.SaveAs] = saved;
    }

    /// <summary>The top flow is done: drop it and let the flow that jumped into it carry on, if it has more to do.</summary>
    public void FinishTop()
    {
        stack.Frames.RemoveAt(stack.Frames.Count - 1);
        while (stack.Top() is { } parent)
        {
            if (StepOf(parent) is JumpStep { Next: { } next })
            {
                GoTo(next.Target);
                return;
            }
            stack.Frames.RemoveAt(stack.Frames.Count - 1);
        }
        stack.Switch = null;
    }

    /// <summary>
    /// The turn's id and how many frames it has opened so far: the same turn taken again from the same state opens
    /// its frames in the same order, so they get the same ids.
    /// </summary>
    private string NextFrameId() => $"{turnId}#{opened++}";

    private FlowStep? StepOf(FlowFrame frame) => catalog.Find(frame.FlowId)?.Step(frame.StepId);

    private void Run(string? openingWords)
    {
        for (var taken = 0; taken < MaxStepsPerTurn; taken++)
        {
            var frame = stack.Top()!;
            var step = StepOf(frame) ?? throw new InvalidOperationException($"flow '{frame.FlowId}' has no step '{frame.StepId}'");
            Events.Add(new StepRun(frame.FlowId, step.Id));
            switch (step)
            {
                case SayStep say:
                    Replies.Add(new TextReply(say.Text));
                    frame.StepId = say.Next.Target;
                    break;
                case ShowStep show:
                    Replies.Add(new PassageReply(show.Passage.Page, show.Passage.Section));
                    frame.StepId = show.Next.Target;
                    break;
                case SetStep set:
                    foreach (var (name, value) in set.Values) frame.Values[name] = value;
                    frame.StepId = set.Next.Target;
                    break;
                case BranchStep branch:
                    var chosen = frame.Values.TryGetValue(branch.On, out var saved) && branch.Cases.TryGetValue(saved, out var link) ? link : branch.Otherwise;
                    frame.StepId = chosen.Target;
                    break;
                case AskStep ask:
                    if (AnsweredAlready(ask, openingWords) is { } choice)
                    {
                        Record(frame, ask, choice.Title, choice.Value ?? choice.Title);
                        frame.StepId = choice.Goto;
                        openingWords = null;
                        break;
                    }
                    frame.Phase = FramePhase.Answering;
                    frame.Attempts = 0;
                    Replies.Add(Question.Of(frame, ask).Ask());
                    return;
                case EndStep end:
                    Replies.Add(new ResolutionReply(end.Text, end.Cite.Page, end.Cite.Section));
                    frame.Phase = FramePhase.Confirming;
                    frame.Attempts = 0;
                    Replies.Add(Question.Of(frame, end).Ask());
                    return;
                case HandoffStep handoff:
                    var summary = CaseSummaryBuilder.Build(stack, catalog, now);
                    Replies.Add(new ResolutionReply(handoff.Text + "\n\n" + summary.ToMarkdown(), handoff.Cite.Page, handoff.Cite.Section));
                    Replies.Add(new HandoffReply(summary));
                    // A person takes it from here; nothing is left for the flows to resume.
                    stack.Clear();
                    return;
                case JumpStep jump:
                    var target = catalog.Find(jump.Flow)!;
                    var reason = target.Id == FlowCatalog.HandoffFlowId ? Say.NeedsSupport(catalog.Find(frame.FlowId)?.Title ?? frame.FlowId) : null;
                    stack.Frames.Add(new FlowFrame { Id = NextFrameId(), FlowId = target.Id, StepId = jump.At ?? target.First.Id, Trigger = frame.Trigger, Reason = reason });
                    Events.Add(new FlowBegun(target.Id));
                    break;
            }
        }
        throw new InvalidOperationException($"flow '{stack.Top()?.FlowId}' took {MaxStepsPerTurn} steps without asking anything");
    }

    /// <summary>Only the first question, only choices, only a clear match: a wrong guess costs more than a question.</summary>
    private static FlowChoice? AnsweredAlready(AskStep step, string? openingWords) =>
        openingWords is not null && step is ChoiceStep choice
        && ChoiceMatcher.ByWords(openingWords, choice.Choices, ChoiceMatcher.TriggerThreshold) is { } index
            ? choice.Choices[index]
            : null;
}
