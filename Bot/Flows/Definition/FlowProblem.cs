namespace MagLearn.Bot.Flows.Definition;

/// <summary>Something wrong in a dialog file, by file, line and what is wrong: an author can go straight to it.</summary>
public sealed record FlowProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>
/// Thrown at start-up when a dialog file is broken. The bot refuses to start rather than walk someone into a
/// step that does not exist; the message lists every problem found, not just the first.
/// </summary>
public sealed class FlowLoadException : Exception
{
    public IReadOnlyList<FlowProblem> Problems { get; }

    public FlowLoadException(string folder, IReadOnlyList<FlowProblem> problems)
        : base($"The guided flows in {folder} could not be loaded ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  "
               + string.Join("\n  ", problems))
    {
        Problems = problems;
    }
}
