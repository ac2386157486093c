namespace MagLearn.Knowledge.Content;

/// <summary>One page of the Learn help site: its fixed id, what people call it, and its passages.</summary>
public sealed record LearnPage(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Phrasings,
    IReadOnlyList<Passage> Passages,
    string SourceFile)
{
    /// <summary>The page's weight in ranking (front matter <c>weight</c>); overview pages set it below 1.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>
    /// The guided flow that walks people through this page's problems (front matter <c>flow</c>), if one does. The
    /// router learns from it which of the page's phrasings are a flow's ground rather than a question to answer.
    /// </summary>
    public string? Flow { get; init; }
}

/// <summary>
/// One <c>##</c> section of a page: the unit the bot answers with. <see cref="Markdown"/> is what the chat shows,
/// <see cref="Text"/> is the same content as plain text for the index.
/// </summary>
public sealed record Passage(string PageId, string SectionId, string Heading, string Markdown, string Text);

/// <summary>A content file that could not be read, by file and reason; the other files still load.</summary>
public sealed record ContentProblem(string File, string Reason)
{
    /// <summary>The line the reason is about; 0 when it is about the whole file.</summary>
    public int Line { get; init; }

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}
