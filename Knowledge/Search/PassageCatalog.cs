using Lucene.Net.Index;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// What a search hit must show (kind, page, section, title, heading, page weight), read from the stored fields
/// once when the index opens and kept by document number. Reading stored fields per hit meant decompressing a
/// block of the index for every candidate of every question, about a third of a search's time. The passage
/// text itself stays in the index: only snippets need it.
/// </summary>
internal sealed class PassageCatalog
{
    public sealed record Entry(string Kind, string PageId, string SectionId, string Title, string Heading, double Weight);

    private readonly Entry?[] entries;
    private readonly Dictionary<(string Page, string Section), int> byPassage = new();

    public PassageCatalog(IndexReader reader)
    {
        // Pages repeat their id, title and kind in every passage: one string each.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string? value)
        {
            value ??= "";
            if (shared.TryGetValue(value, out var existing)) return existing;
            shared[value] = value;
            return value;
        }

        entries = new Entry?[reader.MaxDoc];
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc)) continue;
            var stored = reader.Document(doc);
            entries[doc] = new Entry(
                Shared(stored.Get(IndexFields.Kind)),
                Shared(stored.Get(IndexFields.Page)),
                stored.Get(IndexFields.Section) ?? "",
                Shared(stored.Get(IndexFields.Title)),
                stored.Get(IndexFields.Heading) ?? "",
                // In single precision, as ranking has always read it.
                (float)(stored.GetField(IndexFields.Weight)?.GetDoubleValue() ?? 1.0));
            byPassage.TryAdd((entries[doc]!.PageId, entries[doc]!.SectionId), doc);
        }
    }

    /// <summary>The document of a page's section, or null.</summary>
    public int? Find(string page, string section) => byPassage.TryGetValue((page, section), out var doc) ? doc : null;

    public Entry this[int doc] => entries[doc] ?? throw new ArgumentOutOfRangeException(nameof(doc), doc, "no live document");
}
