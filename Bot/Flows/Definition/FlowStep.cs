namespace MagLearn.Bot.Flows.Definition;

/// <summary>What a step does; named by the one key that a step in the YAML carries (<c>ask:</c>, <c>say:</c> ...).</summary>
public enum StepKind
{
    /// <summary>Asks a question and waits: pick a choice, answer yes or no, or type a value a validator accepts.</summary>
    Ask,
    /// <summary>Says some Markdown and moves on.</summary>
    Say,
    /// <summary>Shows a Learn passage by page and section and moves on.</summary>
    Show,
    /// <summary>Saves values for a later <see cref="Branch"/> and moves on.</summary>
    Set,
    /// <summary>Goes one way or another on a saved value.</summary>
    Branch,
    /// <summary>A resolution: Markdown citing a Learn section; the engine then asks whether it solved the problem.</summary>
    End,
    /// <summary>Continues in another flow (optionally at one of its steps).</summary>
    Flow,
    /// <summary>Hands the conversation to a person with a case summary; the flow ends there.</summary>
    Handoff,
}

/// <summary>How an <see cref="StepKind.Ask"/> step is answered.</summary>
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
/// One step. Which fields are used depends on <see cref="Kind"/>; the reader fills only those and the validator
/// checks the combination, so the engine can trust what it finds here.
/// </summary>
public sealed record FlowStep
{
    public required string Id { get; init; }
    public required StepKind Kind { get; init; }
    public required int Line { get; init; }

    /// <summary>The question (ask), the Markdown said (say), the resolution (end) or the hand-off note (handoff).</summary>
    public string? Text { get; init; }

    /// <summary>What "help" explains about this question.</summary>
    public string? Help { get; init; }

    public AnswerKind Answer { get; init; }
    public IReadOnlyList<FlowChoice> Choices { get; init; } = [];
    public StepLink? Yes { get; init; }
    public StepLink? No { get; init; }

    /// <summary>What a typed answer must be (<see cref="Expectations"/>).</summary>
    public string? Expect { get; init; }

    /// <summary>The user may say "skip" instead of answering.</summary>
    public bool Optional { get; init; }

    /// <summary>The name the answer (or the chosen choice's value) is saved under.</summary>
    public string? SaveAs { get; init; }

    public StepLink? Next { get; init; }
    public LearnReference? Show { get; init; }
    public LearnReference? Cite { get; init; }
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    public string? BranchOn { get; init; }
    public IReadOnlyDictionary<string, StepLink> Cases { get; init; } = new Dictionary<string, StepLink>();
    public StepLink? Otherwise { get; init; }

    /// <summary>The flow a <see cref="StepKind.Flow"/> step continues in, and where in it (its first step if null).</summary>
    public string? Flow { get; init; }
    public int FlowLine { get; init; }
    public string? At { get; init; }

    /// <summary>Every step this one can lead to, in the order written.</summary>
    public IEnumerable<StepLink> Links()
    {
        foreach (var choice in Choices) yield return new StepLink(choice.Goto, choice.Line);
        if (Yes is not null) yield return Yes;
        if (No is not null) yield return No;
        if (Next is not null) yield return Next;
        foreach (var link in Cases.Values) yield return link;
        if (Otherwise is not null) yield return Otherwise;
    }

    /// <summary>Steps that end the flow's own walk: a resolution, a hand-off, or a jump with nowhere to return to.</summary>
    public bool IsTerminal => Kind is StepKind.End or StepKind.Handoff || (Kind == StepKind.Flow && Next is null);
}
