using System.Buffers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// The meaning side of one knowledge index: a vector for each passage (its heading and text, and its page title
/// and heading alone, so a short question can meet a long passage), for each phrasing of a page and each trigger of
/// a flow. Passages are laid out by their Lucene document number, so the two sides of a search name the same
/// thing by the same number. Search is exact: every vector is compared. That is a pass over memory (384 bytes per
/// vector, see <see cref="QuantizedRows"/>), split over every core from <see cref="ParallelFrom"/> rows; "Semantic
/// index" in docs/benchmarks.md says where it stops holding. Immutable, built with the index and replaced with it.
/// </summary>
public sealed class SemanticIndex
{
    /// <summary>Below this many rows (passages' or sentences') one core scans them faster than handing work to another.</summary>
    public const int ParallelFrom = 40_000;

    private const int RowsPerTask = 8_192;

    /// <summary>Two rows per document (heading with text, then title with heading), one after the other.</summary>
    private readonly QuantizedRows passageRows;

    private SemanticIndex(string modelId, int dimensions, QuantizedRows passageRows, int documents, SentenceSet phrasings, SentenceSet triggers)
    {
        ModelId = modelId;
        Dimensions = dimensions;
        this.passageRows = passageRows;
        DocumentCount = documents;
        Phrasings = phrasings;
        Triggers = triggers;
    }

    public string ModelId { get; }
    public int Dimensions { get; }
    public int DocumentCount { get; }

    /// <summary>The pages' phrasings, owned by page id.</summary>
    public SentenceSet Phrasings { get; }

    /// <summary>The flows' triggers, owned by flow id.</summary>
    public SentenceSet Triggers { get; }

    /// <summary>The texts whose vectors describe a passage, in the order of its rows.</summary>
    public static (string Full, string Heading) PassageTexts(string title, string heading, string body) =>
        ($"{heading}. {body}", $"{title}: {heading}");

    /// <summary>
    /// Builds the vectors of an index from the store, which encodes what it has not seen; <paramref name="alsoKeep"/>
    /// are further texts whose vectors should be in the same store file (the router's examples), returned in order.
    /// </summary>
    public static (SemanticIndex Index, float[][] AlsoKept) Build(
        KnowledgeIndex index, LearnLibrary library, IEnumerable<SearchDocument> flows, VectorStore store, ISentenceEncoder encoder,
        IReadOnlyList<string> alsoKeep)
    {
        var documents = index.Reader.MaxDoc;
        var texts = new List<string>(documents * 2 + alsoKeep.Count);
        for (var doc = 0; doc < documents; doc++)
        {
            var stored = index.Reader.Document(doc);
            var (full, heading) = PassageTexts(stored.Get(IndexFields.Title) ?? "", stored.Get(IndexFields.Heading) ?? "", stored.Get(IndexFields.Body) ?? "");
            texts.Add(full);
            texts.Add(heading);
        }
        var phrasings = library.Pages.SelectMany(p => p.Phrasings.Select(text => (Owner: p.Id, Text: text))).ToList();
        var triggers = flows.Where(f => f.Kind == SearchDocument.FlowKind).SelectMany(f => f.Phrasings.Select(text => (Owner: f.PageId, Text: text))).ToList();
        texts.AddRange(phrasings.Select(p => p.Text));
        texts.AddRange(triggers.Select(t => t.Text));
        texts.AddRange(alsoKeep);

        var vectors = store.Vectors(texts);
        var dimensions = encoder.Dimensions;
        var rows = new QuantizedRows(vectors[..(documents * 2)], dimensions);
        var at = documents * 2;
        var phrasingSet = new SentenceSet(phrasings, vectors[at..(at += phrasings.Count)], dimensions);
        var triggerSet = new SentenceSet(triggers, vectors[at..(at += triggers.Count)], dimensions);
        return (new SemanticIndex(encoder.ModelId, dimensions, rows, documents, phrasingSet, triggerSet), vectors[at..]);
    }

    /// <summary>
    /// Everything the meaning side says about one message, read once per message: how like it each passage is,
    /// and each page's and each flow's nearest sentence (leaving out one whose text is <paramref name="except"/>).
    /// </summary>
    public MessageMeaning Read(float[] vector, string? except = null) =>
        new(vector, PassageScores(vector), Phrasings.NearestTo(vector, except), Triggers.NearestTo(vector, except));

    /// <summary>Each document's likeness to the question: the better of its two rows.</summary>
    public float[] PassageScores(float[] question)
    {
        var prepared = passageRows.Prepare(question);
        var scores = new float[DocumentCount];
        if (DocumentCount * 2 < ParallelFrom) Score(prepared, 0, DocumentCount, scores);
        else
        {
            var perTask = RowsPerTask / 2;
            Parallel.For(0, (DocumentCount + perTask - 1) / perTask,
                part => Score(prepared, part * perTask, Math.Min(DocumentCount, (part + 1) * perTask), scores));
        }
        return scores;
    }

    private void Score(QuantizedRows.Question question, int from, int to, float[] scores)
    {
        var rows = ArrayPool<float>.Shared.Rent((to - from) * 2);
        passageRows.Scores(question, from * 2, to * 2, rows);
        for (var doc = from; doc < to; doc++) scores[doc] = MathF.Max(rows[(doc - from) * 2], rows[(doc - from) * 2 + 1]);
        ArrayPool<float>.Shared.Return(rows);
    }
}

/// <summary>A message's vector and what the semantic index found near it (see <see cref="SemanticIndex.Read"/>).</summary>
public sealed record MessageMeaning(float[] Vector, float[] PassageLikeness, SentenceSet.Nearest NearestPhrasings, SentenceSet.Nearest NearestTriggers);
