namespace MagLearn.Knowledge.Content;

/// <summary>A page that cannot be read because of something on one line, so a report can send the author there.</summary>
public sealed class PageFormatException(int line, string problem) : FormatException($"line {line}: {problem}")
{
    public int Line { get; } = line;

    /// <summary>What is wrong, without the line number.</summary>
    public string Problem { get; } = problem;
}
