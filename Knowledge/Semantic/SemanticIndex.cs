using System.Numerics.Tensors;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// The meaning side of one knowledge index: a vector for each passage (its heading and text, and its page title
/// and heading alone, so a short question can meet a long passage), for each phrasing of a page and each trigger of
/// a flow. Passages are laid out by their Lucene document number, so the two sides of a search name the same
/// thing by the same number. Search is exact: every vector is compared, which at 384 dimensions costs about a
/// millisecond per 20k vectors on one core (see "Semantic index" in docs/benchmarks.md for where that stops
/// holding). Immutable, built with the index and replaced with it.
/// </summary>
public sealed class SemanticIndex
{
    /// <summary>A phrasing or trigger: what it belongs to (a page id or a flow id), its text and its vector.</summary>
    public sealed record Sentence(string Owner, string Text, float[] Vector);

    /// <summary>Two rows per document (heading with text, then title with heading), one after the other.</summary>
    private readonly float[] passageRows;
    private readonly int dimensions;

    private SemanticIndex(string modelId, int dimensions, float[] passageRows, int documents, IReadOnlyList<Sentence> phrasings, IReadOnlyList<Sentence> triggers)
    {
        ModelId = modelId;
        this.dimensions = dimensions;
        this.passageRows = passageRows;
        DocumentCount = documents;
        Phrasings = phrasings;
        Triggers = triggers;
    }

    public string ModelId { get; }
    public int DocumentCount { get; }
    public IReadOnlyList<Sentence> Phrasings { get; }
    public IReadOnlyList<Sentence> Triggers { get; }

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
        var phrasingOwners = library.Pages.SelectMany(p => p.Phrasings.Select(text => (Owner: p.Id, Text: text))).ToList();
        var triggerOwners = flows.Where(f => f.Kind == SearchDocument.FlowKind).SelectMany(f => f.Phrasings.Select(text => (Owner: f.PageId, Text: text))).ToList();
        texts.AddRange(phrasingOwners.Select(p => p.Text));
        texts.AddRange(triggerOwners.Select(t => t.Text));
        texts.AddRange(alsoKeep);

        var vectors = store.Vectors(texts);
        var dimensions = encoder.Dimensions;
        var rows = new float[documents * 2 * dimensions];
        for (var row = 0; row < documents * 2; row++) vectors[row].CopyTo(rows, row * dimensions);
        var at = documents * 2;
        var phrasings = phrasingOwners.Select(p => new Sentence(p.Owner, p.Text, vectors[at++])).ToList();
        var triggers = triggerOwners.Select(t => new Sentence(t.Owner, t.Text, vectors[at++])).ToList();
        var kept = vectors[at..];
        return (new SemanticIndex(encoder.ModelId, dimensions, rows, documents, phrasings, triggers), kept);
    }

    /// <summary>Each document's likeness to the question: the better of its two rows.</summary>
    public float[] PassageScores(ReadOnlySpan<float> question)
    {
        var scores = new float[DocumentCount];
        var rows = passageRows.AsSpan();
        for (var doc = 0; doc < DocumentCount; doc++)
        {
            var full = TensorPrimitives.Dot(rows.Slice(doc * 2 * dimensions, dimensions), question);
            var heading = TensorPrimitives.Dot(rows.Slice((doc * 2 + 1) * dimensions, dimensions), question);
            scores[doc] = MathF.Max(full, heading);
        }
        return scores;
    }

    /// <summary>For each owner, its sentence nearest the question, leaving out one whose text is <paramref name="except"/>.</summary>
    public static Dictionary<string, (Sentence Sentence, float Score)> Nearest(IReadOnlyList<Sentence> sentences, ReadOnlySpan<float> question, string? except = null)
    {
        var best = new Dictionary<string, (Sentence, float)>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            if (except is not null && sentence.Text == except) continue;
            var score = TensorPrimitives.Dot(sentence.Vector, question);
            if (!best.TryGetValue(sentence.Owner, out var known) || score > known.Item2) best[sentence.Owner] = (sentence, score);
        }
        return best;
    }
}
