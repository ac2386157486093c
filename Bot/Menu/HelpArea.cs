namespace MagLearn.Bot.Menu;

/// <summary>
/// One button of the help menu: its title (also what it sends as text), the flow it opens (null for an area no
/// flow walks through) and the question the bot is asked for it when there is no flow to open.
/// </summary>
public sealed record HelpArea(string Title, string? Flow, string Question);
