using System.Diagnostics.CodeAnalysis;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Privacy;
using MagLearn.Knowledge.Answers;
using Say = MagLearn.Bot.Wording.Replies;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>What a turn did: whether a flow took the message, what to say, and which flow it was (for the log).</summary>
public sealed record FlowResult(bool Handled, IReadOnlyList<FlowReply> Replies, string? FlowId)
{
    public static readonly FlowResult NotHandled = new(false, [], null);

    /// <summary>What happened in the flows during the turn, in order.</summary>
    public IReadOnlyList<FlowEvent> Events { get; init; } = [];
}

/// <summary>
/// The waterfall engine, in the shape of the Bot Framework's dialog stack: flows are started and continued on a
/// <see cref="FlowStack"/> that the caller loads from and saves to conversation state. It knows nothing about
/// MAG (that is all in the dialog files) and nothing about channels (that is the rendering layer's job).
/// Interruptions live here, once, for every flow and every step.
/// </summary>
public sealed class FlowEngine
{
    private readonly FlowCatalog catalog;
    private readonly IQuestionRouter router;
    private readonly int maxRetries;
    private readonly TimeProvider clock;

    /// <param name="maxRetries">Answers a question may fail before the flow offers help or a person instead.</param>
    public FlowEngine(FlowCatalog catalog, IQuestionRouter router, int maxRetries, TimeProvider? clock = null)
    {
        this.catalog = catalog;
        this.router = router;
        this.maxRetries = Math.Max(1, maxRetries);
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Starts <paramref name="flowId"/> afresh; any flow in progress is dropped.</summary>
    /// <param name="turnId">The turn (unique in the conversation); none: a fresh id, so a retry of this turn opens a new frame.</param>
    public FlowResult Begin(FlowStack stack, string flowId, string? userWords, string? turnId = null)
    {
        stack.Clear();
        var walker = Walker(stack, turnId);
        var reason = flowId == FlowCatalog.HandoffFlowId ? Say.AskedForAPerson : null;
        walker.Start(flowId, Masked(userWords), userWords, reason);
        return new FlowResult(true, walker.Replies, flowId) { Events = walker.Events };
    }

    /// <summary>Takes the message if a flow is active; otherwise returns <see cref="FlowResult.NotHandled"/>.</summary>
    public FlowResult Continue(FlowStack stack, FlowMessage message)
    {
        var frame = stack.Top();
        if (frame is null) return FlowResult.NotHandled;
        var step = catalog.Find(frame.FlowId)?.Step(frame.StepId);
        if (!WaitsHere(frame, step))
        {
            // The dialog files changed since this conversation was saved: let the message be routed afresh.
            stack.Clear();
            return FlowResult.NotHandled;
        }
        var turn = new Turn(this, stack, frame, step, Walker(stack, message.TurnId));
        turn.Take(message);
        return new FlowResult(true, turn.Walker.Replies, frame.FlowId) { Events = turn.Walker.Events };
    }

    private StepWalker Walker(FlowStack stack, string? turnId) => new(catalog, stack, clock.GetUtcNow(), turnId ?? Guid.NewGuid().ToString("N"));

    /// <summary>A frame waits on a question, or on "Did that solve it?" after a resolution; any other step it names is gone.</summary>
    private static bool WaitsHere(FlowFrame frame, [NotNullWhen(true)] FlowStep? step) =>
        frame.Phase == FramePhase.Confirming ? step is EndStep : step is AskStep;

    private static string? Masked(string? words) => string.IsNullOrWhiteSpace(words) ? null : SecretRedactor.Redact(words.Trim());

    /// <summary>One message in a flow, from reading it to the replies.</summary>
    private sealed class Turn(FlowEngine engine, FlowStack stack, FlowFrame frame, FlowStep step, StepWalker walker)
    {
        private readonly Question question = Question.Of(frame, step);

        public StepWalker Walker => walker;

        private List<FlowReply> Replies => walker.Replies;

        public void Take(FlowMessage message)
        {
            // A button of a question answered already (pressed twice, or an old card's): it answers nothing now.
            if (message.Answers is { } answered && answered != question.Key)
            {
                Replies.Add(question.Ask(Say.EarlierQuestionsButton + Say.BackToWhereWeWere));
                return;
            }
            if (message.Passage is { } passage)
            {
                Replies.Add(new PassageReply(passage.Page, passage.Section));
                Replies.Add(question.Ask(Say.BackToWhereWeWere));
                return;
            }
            if (message.RequestedFlow is { } requested)
            {
                TakeRequest(requested, message.Text);
                return;
            }
            if (stack.Switch is not null && TakeSwitchAnswer(message.Text)) return;
            TakeAnswer(message.Text ?? "");
        }

        private void TakeAnswer(string text)
        {
            if (question.Kind == AnswerKind.Choice && Prompts.ChoiceMatcher.Exact(text, question.Choices) is { } pressed)
            {
                Apply(new Reading.Chosen(pressed));
                return;
            }
            if (question.Optional && AnswerReader.IsSkip(text))
            {
                Apply(new Reading.Skipped());
                return;
            }
            if (Interruptions.Detect(text) is var interruption and not Interruption.None)
            {
                Interrupt(interruption, text);
                return;
            }
            // "Thanks!" after a resolution means it worked.
            var reading = frame.Phase == FramePhase.Confirming && SmallTalkDetector.Detect(text) == SmallTalk.Thanks
                ? new Reading.Said(true)
                : AnswerReader.Read(question, text);
            switch (reading)
            {
                case Reading.Secret:
                    Replies.Add(question.Ask(Say.SecretRefused + "\n\n"));
                    return;
                case Reading.NotAnAnswer:
                    NotAnAnswer(text);
                    return;
                default:
                    Apply(reading);
                    return;
            }
        }

        private void Apply(Reading reading)
        {
            if (frame.Phase == FramePhase.Confirming)
            {
                walker.Events.Add(new ResolutionRated(frame.FlowId, frame.StepId, reading is Reading.Said { Yes: true }));
                if (reading is Reading.Said { Yes: true })
                {
                    Replies.Add(new TextReply(Say.Closing));
                    walker.FinishTop();
                }
                else
                {
                    Replies.Add(new TextReply(Say.NotSolved));
                    walker.StartHandoff(Say.FixDidNotSolveIt);
                }
                return;
            }
            var ask = (AskStep)step;
            var (shown, saved, target) = (reading, ask) switch
            {
                (Reading.Chosen c, ChoiceStep s) => (s.Choices[c.Index].Title, s.Choices[c.Index].Value ?? s.Choices[c.Index].Title, s.Choices[c.Index].Goto),
                (Reading.Said { Yes: true }, YesNoStep s) => (Say.Yes, "yes", s.Yes.Target),
                (Reading.Said, YesNoStep s) => (Say.No, "no", s.No.Target),
                (Reading.Typed t, TypedAnswerStep s) => (t.Value, t.Value, s.Next.Target),
                (Reading.Skipped, TypedAnswerStep s) => (Say.Skipped, (string?)null, s.Next.Target),
                _ => throw new InvalidOperationException($"a {reading.GetType().Name} reading does not answer step '{ask.Id}'"),
            };
            if (reading is Reading.Typed { Masked: true }) Replies.Add(new TextReply(Say.SecretLeftOut));
            StepWalker.Record(frame, ask, shown, saved);
            walker.GoTo(target);
        }

        private void Interrupt(Interruption interruption, string text)
        {
            switch (interruption)
            {
                case Interruption.Cancel:
                    var title = engine.catalog.Find(stack.Frames[0].FlowId)?.Title ?? Say.ThatFlow;
                    walker.Events.Add(new FlowCancelled(stack.Frames[0].FlowId));
                    stack.Clear();
                    Replies.Add(new TextReply(Say.Stopped(title)));
                    break;
                case Interruption.Restart:
                    var root = stack.Frames[0];
                    stack.Clear();
                    Replies.Add(new TextReply(Say.StartingOver));
                    walker.Start(root.FlowId, root.Trigger, openingWords: null, root.Reason);
                    break;
                case Interruption.Help:
                    Replies.Add(question.Ask(question.Explanation() + "\n\n"));
                    break;
                case Interruption.Person:
                    ToAPerson(text);
                    break;
            }
        }

        private void ToAPerson(string? words)
        {
            // Already on the way to a person: skip the optional questions and hand over now.
            var handoffStep = frame.FlowId == FlowCatalog.HandoffFlowId
                ? engine.catalog.Find(frame.FlowId)?.Steps.OfType<HandoffStep>().FirstOrDefault()
                : null;
            if (handoffStep is not null)
            {
                walker.GoTo(handoffStep.Id);
                return;
            }
            Replies.Add(new TextReply(Say.GettingAPerson));
            walker.StartHandoff(Say.AskedForAPerson, frame.Trigger is null ? FlowEngine.Masked(words) : null);
        }

        /// <summary>Not an answer: perhaps a question to answer on the side, or a different flow; else re-ask with a hint.</summary>
        private void NotAnAnswer(string text)
        {
            if (Interruptions.LooksLikeAQuestion(text))
            {
                var routed = engine.router.Ask(text);
                if (routed is { Route: AskRoute.Dialog, Dialog: FlowCatalog.HandoffFlowId })
                {
                    ToAPerson(text);
                    return;
                }
                if (routed is { Route: AskRoute.Dialog, Dialog: { } other } && engine.catalog.Contains(other) && stack.Frames.All(f => f.FlowId != other))
                {
                    OfferSwitch(other, text);
                    return;
                }
                if (routed is { Route: AskRoute.Answer, Shape: AnswerShape.Single, Answers.Count: > 0 })
                {
                    Replies.Add(new AnswerReply(routed));
                    Replies.Add(question.Ask(Say.BackToWhereWeWere));
                    return;
                }
            }
            frame.Attempts++;
            Replies.Add(frame.Attempts >= engine.maxRetries
                ? new PromptReply(Say.Stuck, Say.StuckChoices)
                : question.Ask(question.NotUnderstood() + "\n\n"));
        }

        private void OfferSwitch(string flowId, string? text)
        {
            stack.Switch = new PendingSwitch { FlowId = flowId, Text = text };
            var other = engine.catalog.Find(flowId)!.Title;
            var current = engine.catalog.Find(stack.Frames[0].FlowId)?.Title ?? Say.ThatFlow;
            Replies.Add(new PromptReply(Say.OfferSwitch(other, current), Say.YesNo));
        }

        /// <summary>Yes or no to "Switch to ...?"; anything else drops the offer and is read as usual.</summary>
        private bool TakeSwitchAnswer(string? text)
        {
            var pending = stack.Switch!;
            stack.Switch = null;
            switch (Prompts.YesNo.Read(text))
            {
                case true:
                    var title = engine.catalog.Find(pending.FlowId)?.Title ?? Say.ThatFlow;
                    stack.Clear();
                    Replies.Add(new TextReply(Say.Switching(title)));
                    walker.Start(pending.FlowId, FlowEngine.Masked(pending.Text), pending.Text);
                    return true;
                case false:
                    Replies.Add(question.Ask(Say.CarryOn + Say.BackToWhereWeWere));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A welcome button pressed mid-flow: the same flow carries on, another is offered, "" is a question.</summary>
        private void TakeRequest(string requested, string? text)
        {
            if (stack.Frames.Any(f => f.FlowId == requested))
            {
                Replies.Add(question.Ask(Say.AlreadyOnThat + Say.BackToWhereWeWere));
                return;
            }
            if (requested == FlowCatalog.HandoffFlowId)
            {
                ToAPerson(null);
                return;
            }
            if (engine.catalog.Contains(requested))
            {
                OfferSwitch(requested, null);
                return;
            }
            NotAnAnswer(text ?? "");
        }
    }
}
