namespace MagLearn.Bot.Choices;

/// <summary>
/// A button the user can press instead of typing. <see cref="Title"/> is also the text the button sends, so a
/// channel without buttons still works; <see cref="Value"/> is the machine-readable payload when there are.
/// </summary>
public sealed record Choice(string Title, object? Value = null);
