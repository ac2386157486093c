namespace MagLearn.Knowledge.Search;

/// <summary>
/// A short plain-text fragment of a passage and where in it the question's words are, so each client marks them
/// its own way (a portal box in bold, a screen reader not at all) and no markup is ever mixed into the text.
/// </summary>
public sealed record Snippet(string Text, IReadOnlyList<Highlight> Highlights)
{
    public static Snippet None { get; } = new("", []);

    public override string ToString() => Text;
}

/// <summary>A highlighted run of a snippet's text: its first character and its length, in UTF-16 code units.</summary>
public readonly record struct Highlight(int Start, int Length);
