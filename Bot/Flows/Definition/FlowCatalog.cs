using MagLearn.Bot.Flows.Definition;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Bot.Flows.Definition;

/// <summary>
/// The guided flows loaded from <c>dialogs/</c>, by id. Also a source of search documents: each flow's trigger
/// phrasings go into the knowledge index, so one search ranks flows and Learn passages against each other.
/// </summary>
public sealed class FlowCatalog : ISearchDocumentSource
{
    /// <summary>The flow every other flow (and the engine) hands a conversation to when a person is needed.</summary>
    public const string HandoffFlowId = "support-handoff";

    private readonly Dictionary<string, FlowDefinition> byId;

    public FlowCatalog(IReadOnlyList<FlowDefinition> flows)
    {
        Flows = flows;
        byId = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<FlowDefinition> Flows { get; }

    public FlowDefinition? Find(string? id) => id is null ? null : byId.GetValueOrDefault(id);

    public bool Contains(string? id) => id is not null && byId.ContainsKey(id);

    /// <summary>Loads and checks every flow in <paramref name="folder"/> against the Learn pages it cites.</summary>
    /// <exception cref="FlowLoadException">A dialog file is broken.</exception>
    public static FlowCatalog Load(string folder, LearnLibrary learn) =>
        new(FlowLoader.LoadFolder(folder, learn, [HandoffFlowId]));

    public IEnumerable<SearchDocument> Documents() =>
        Flows.Select(f => new SearchDocument(SearchDocument.FlowKind, f.Id, "", f.Title, "", f.Description, f.Triggers));
}
