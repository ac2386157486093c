namespace MagLearn.Bot.Checks;

/// <summary>Something wrong in a content or dialog file: which file, which line (0: the whole file), what is wrong.</summary>
public sealed record ContentIssue(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
