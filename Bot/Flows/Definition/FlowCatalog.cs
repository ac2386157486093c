using MagLearn.Bot.Flows.Definition;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Bot.Flows.Definition;

/// <summary>
/// The guided flows loaded from <c>dialogs/</c>, by id. Also a source of search documents: each flow's trigger
/// phrasings go into the knowledge index, so one search ranks flows and Learn passages against each other.
/// The flows can be replaced while the bot runs (an author saved a dialog file that checks out): the whole set is
/// swapped with one reference write, so a lookup sees either the old flows or the new, never a mix.
/// </summary>
public sealed class FlowCatalog : ISearchDocumentSource
{
    /// <summary>The flow every other flow (and the engine) hands a conversation to when a person is needed.</summary>
    public const string HandoffFlowId = "support-handoff";

    private volatile Loaded loaded;

    public FlowCatalog(IReadOnlyList<FlowDefinition> flows)
    {
        loaded = new Loaded(flows);
    }

    public IReadOnlyList<FlowDefinition> Flows => loaded.Flows;

    public FlowDefinition? Find(string? id) => id is null ? null : loaded.ById.GetValueOrDefault(id);

    public bool Contains(string? id) => id is not null && loaded.ById.ContainsKey(id);

    /// <summary>Serves <paramref name="flows"/> from now on; they must have been checked together (see <see cref="FlowLoader"/>).</summary>
    public void Replace(IReadOnlyList<FlowDefinition> flows) => loaded = new Loaded(flows);

    private sealed class Loaded(IReadOnlyList<FlowDefinition> flows)
    {
        public IReadOnlyList<FlowDefinition> Flows { get; } = flows;
        public Dictionary<string, FlowDefinition> ById { get; } = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    /// <summary>Loads and checks every flow in <paramref name="folder"/> against the Learn pages it cites.</summary>
    /// <exception cref="FlowLoadException">A dialog file is broken.</exception>
    public static FlowCatalog Load(string folder, LearnLibrary learn) =>
        new(FlowLoader.LoadFolder(folder, learn, [HandoffFlowId]));

    public IEnumerable<SearchDocument> Documents() =>
        loaded.Flows.Select(f => new SearchDocument(SearchDocument.FlowKind, f.Id, "", f.Title, "", f.Description, f.Triggers));
}
