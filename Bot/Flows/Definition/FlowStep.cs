namespace MagLearn.Bot.Flows.Definition;

/// <summary>How a question is answered: a choice, yes or no, or a typed value.</summary>
public enum AnswerKind { Choice, YesNo, Text }

/// <summary>A place in the Learn content: a page id and one of its section ids.</summary>
public sealed record LearnReference(string Page, string Section, int Line)
{
    public override string ToString() => $"{Page}#{Section}";
}

/// <summary>One option of a choice question, where it leads, and other words people use for it.</summary>
public sealed record FlowChoice(string Title, string Goto, string? Value, IReadOnlyList<string> Also, int Line);

/// <summary>A reference from a step to another step of the same flow, with the line it was written on.</summary>
public sealed record StepLink(string Target, int Line);

/// <summary>
/// One step of a flow, of the kind its YAML names by its one kind key (<c>ask:</c>, <c>say:</c> ...). Each kind is
/// a type of its own that holds exactly what that kind needs; the reader builds only whole steps, so the engine
/// never meets a missing part.
/// </summary>
public abstract record FlowStep(string Id, int Line)
{
    /// <summary>Every step this one can lead to, in the order written.</summary>
    public virtual IEnumerable<StepLink> Links() => [];

    /// <summary>The Learn sections this step shows or cites.</summary>
    public virtual IEnumerable<LearnReference> Cites() => [];

    /// <summary>Steps that end the flow's own walk: a resolution, a hand-off, or a jump with nowhere to return to.</summary>
    public virtual bool IsTerminal => false;

    /// <summary>Steps that go on to the next without waiting for the person (say, show, set, branch).</summary>
    public virtual bool MovesOnByItself => false;
}

/// <summary>A question the flow waits on; its answer is noted for the case summary and saved under <see cref="SaveAs"/>.</summary>
public abstract record AskStep(string Id, int Line, string Text, string? Help, string? SaveAs) : FlowStep(Id, Line)
{
    public abstract AnswerKind Answer { get; }
}

/// <summary>Pick one of the choices; each says where it leads.</summary>
public sealed record ChoiceStep(string Id, int Line, string Text, string? Help, string? SaveAs, IReadOnlyList<FlowChoice> Choices)
    : AskStep(Id, Line, Text, Help, SaveAs)
{
    public override AnswerKind Answer => AnswerKind.Choice;
    public override IEnumerable<StepLink> Links() => Choices.Select(c => new StepLink(c.Goto, c.Line));
}

/// <summary>Answer yes or no.</summary>
public sealed record YesNoStep(string Id, int Line, string Text, string? Help, string? SaveAs, StepLink Yes, StepLink No)
    : AskStep(Id, Line, Text, Help, SaveAs)
{
    public override AnswerKind Answer => AnswerKind.YesNo;
    public override IEnumerable<StepLink> Links() => [Yes, No];
}

/// <summary>Type a value that passes the <see cref="Expect"/>ation (<see cref="Expectations"/>), or "skip" when optional.</summary>
public sealed record TypedAnswerStep(string Id, int Line, string Text, string? Help, string? SaveAs, string Expect, bool Optional, StepLink Next)
    : AskStep(Id, Line, Text, Help, SaveAs)
{
    public override AnswerKind Answer => AnswerKind.Text;
    public override IEnumerable<StepLink> Links() => [Next];
}

/// <summary>Says some Markdown and moves on.</summary>
public sealed record SayStep(string Id, int Line, string Text, StepLink Next) : FlowStep(Id, Line)
{
    public override IEnumerable<StepLink> Links() => [Next];
    public override bool MovesOnByItself => true;
}

/// <summary>Shows a Learn passage whole and moves on.</summary>
public sealed record ShowStep(string Id, int Line, LearnReference Passage, StepLink Next) : FlowStep(Id, Line)
{
    public override IEnumerable<StepLink> Links() => [Next];
    public override IEnumerable<LearnReference> Cites() => [Passage];
    public override bool MovesOnByItself => true;
}

/// <summary>Saves values for a later <see cref="BranchStep"/> and moves on.</summary>
public sealed record SetStep(string Id, int Line, IReadOnlyDictionary<string, string> Values, StepLink Next) : FlowStep(Id, Line)
{
    public override IEnumerable<StepLink> Links() => [Next];
    public override bool MovesOnByItself => true;
}

/// <summary>Goes to the case of the value saved under <see cref="On"/>, or <see cref="Otherwise"/>.</summary>
public sealed record BranchStep(string Id, int Line, string On, IReadOnlyDictionary<string, StepLink> Cases, StepLink Otherwise) : FlowStep(Id, Line)
{
    public override IEnumerable<StepLink> Links() => Cases.Values.Append(Otherwise);
    public override bool MovesOnByItself => true;
}

/// <summary>A resolution: Markdown citing the Learn section it comes from; the engine then asks whether it solved it.</summary>
public sealed record EndStep(string Id, int Line, string Text, LearnReference Cite) : FlowStep(Id, Line)
{
    public override IEnumerable<LearnReference> Cites() => [Cite];
    public override bool IsTerminal => true;
}

/// <summary>Hands the conversation to a person with a case summary; the flow ends there.</summary>
public sealed record HandoffStep(string Id, int Line, string Text, LearnReference Cite) : FlowStep(Id, Line)
{
    public override IEnumerable<LearnReference> Cites() => [Cite];
    public override bool IsTerminal => true;
}

/// <summary>Continues in another flow (at its step <see cref="At"/>, or its first), and here at <see cref="Next"/> when that one is done.</summary>
public sealed record JumpStep(string Id, int Line, string Flow, int FlowLine, string? At, StepLink? Next) : FlowStep(Id, Line)
{
    public override IEnumerable<StepLink> Links() => Next is null ? [] : [Next];
    public override bool IsTerminal => Next is null;
}
