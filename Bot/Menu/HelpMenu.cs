using MagLearn.Bot.Choices;

namespace MagLearn.Bot.Menu;

/// <summary>
/// The help areas offered on welcome, on a greeting and with the fallback, read from
/// <c>dialogs/welcome/help-areas.yaml</c> (<see cref="HelpMenuReader"/>): content, not code. The areas can be
/// replaced while the bot runs, as a whole, when a checked change to the file goes live.
/// </summary>
public sealed class HelpMenu
{
    public const string AreaValueKey = "helpArea";

    private volatile IReadOnlyList<HelpArea> areas;

    public HelpMenu(IReadOnlyList<HelpArea> areas) => this.areas = areas;

    public IReadOnlyList<HelpArea> Areas => areas;

    /// <summary>Offers the areas of <paramref name="menu"/> from now on (read and checked against the flows it opens).</summary>
    public void Replace(HelpMenu menu) => areas = menu.Areas;

    /// <summary>The areas as buttons: each sends its title, and says which area it is in its value.</summary>
    public IReadOnlyList<Choice> Choices() =>
        Areas.Select(a => new Choice(a.Title, new Dictionary<string, string> { [AreaValueKey] = a.Title })).ToList();

    /// <summary>The area with this title (a pressed button, or the same words typed), or null.</summary>
    public HelpArea? Find(string? title) =>
        title is null ? null : Areas.FirstOrDefault(a => string.Equals(a.Title, title.Trim(), StringComparison.OrdinalIgnoreCase));
}
