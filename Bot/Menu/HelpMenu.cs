using MagLearn.Bot.Choices;

namespace MagLearn.Bot.Menu;

/// <summary>
/// The help areas offered on welcome, on a greeting and with the fallback, read from
/// <c>dialogs/welcome/help-areas.yaml</c> (<see cref="HelpMenuReader"/>): content, not code.
/// </summary>
public sealed class HelpMenu
{
    public const string AreaValueKey = "helpArea";

    public HelpMenu(IReadOnlyList<HelpArea> areas) => Areas = areas;

    public IReadOnlyList<HelpArea> Areas { get; }

    /// <summary>The areas as buttons: each sends its title, and says which area it is in its value.</summary>
    public IReadOnlyList<Choice> Choices() =>
        Areas.Select(a => new Choice(a.Title, new Dictionary<string, string> { [AreaValueKey] = a.Title })).ToList();

    /// <summary>The area with this title (a pressed button, or the same words typed), or null.</summary>
    public HelpArea? Find(string? title) =>
        title is null ? null : Areas.FirstOrDefault(a => string.Equals(a.Title, title.Trim(), StringComparison.OrdinalIgnoreCase));
}
