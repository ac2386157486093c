using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Knowledge.Routing;

/// <summary>Which evidence the router reads: what a message means, which words it uses, or both.</summary>
[Flags]
public enum RouteEvidence
{
    /// <summary>The message's sentence vector and how near it is to each flow's triggers and to the passages.</summary>
    Meaning = 1,

    /// <summary>The Lucene match of passages and triggers, whether it asks for information, its word grams.</summary>
    Words = 2,

    Both = Meaning | Words,
}

/// <summary>What the features of one message were computed from.</summary>
internal sealed record MessageEvidence(string Text, MessageMeaning? Meaning, double BestPassage, IReadOnlyList<SearchHit> LexicalFlows);

/// <summary>
/// Turns a message into the router's numbers. The layout, in order: the sentence vector (scaled, see
/// <see cref="VectorScale"/>), each route's nearest training example (<see cref="ExampleBank"/>, scaled alike) and
/// the nearest passage or phrasing (Meaning); the best Lucene passage score, each flow's Lucene trigger match,
/// whether the message asks for information, its word grams (Words).
/// </summary>
internal sealed class RouteFeatures
{
    /// <summary>
    /// The vector's components are small (length one over 384 of them); scaled up they weigh as much as the other
    /// features under the same L2 penalty. Chosen by cross-validation (2 to 4 measured alike).
    /// </summary>
    public const float VectorScale = 3f;

    /// <summary>How much a route's nearest example weighs: chosen by cross-validation (1, 3 and 8 measured alike).</summary>
    public const float NearestExampleScale = 3f;

    private readonly RouteEvidence evidence;
    private readonly IReadOnlyList<string> labels;
    private readonly IReadOnlyList<string> flowIds;
    private readonly ExampleBank? examples;
    private readonly int dimensions;

    public RouteFeatures(RouteEvidence evidence, IReadOnlyList<string> labels, SemanticIndex? semantic, WordGrams grams, ExampleBank? examples)
    {
        if (evidence.HasFlag(RouteEvidence.Meaning) && (semantic is null || examples is null))
            throw new ArgumentException("reading meaning needs a semantic index and the examples' vectors", nameof(semantic));
        this.evidence = evidence;
        this.labels = labels;
        this.examples = examples;
        Grams = grams;
        flowIds = labels.Select(RouteLabels.FlowOf).OfType<string>().ToList();
        dimensions = semantic?.Dimensions ?? 0;
        Count = (evidence.HasFlag(RouteEvidence.Meaning) ? dimensions + labels.Count + 1 : 0) +
                (evidence.HasFlag(RouteEvidence.Words) ? 1 + flowIds.Count + 1 + grams.Count : 0);
    }

    public RouteEvidence Evidence => evidence;
    public WordGrams Grams { get; }
    public int Count { get; }

    /// <summary>Where the word grams start: they are the last <see cref="WordGrams.Count"/> features.</summary>
    public int GramsStart => Count - (evidence.HasFlag(RouteEvidence.Words) ? Grams.Count : 0);

    /// <summary>The evidence of a training example: as a new message would meet the index, its own trigger or phrasing left out.</summary>
    public static MessageEvidence Gather(string text, QuestionSearch search, SemanticIndex? semantic, float[]? vector, string? except)
    {
        var best = search.Search(text, 1).Hits is [var top, ..] ? top.Score : 0;
        return new MessageEvidence(text, vector is null || semantic is null ? null : semantic.Read(vector, except), best, search.FlowsFor(text, except));
    }

    public float[] Of(MessageEvidence message)
    {
        var features = new float[Count];
        var at = 0;
        if (evidence.HasFlag(RouteEvidence.Meaning))
        {
            var meaning = message.Meaning ?? throw new ArgumentException("reading meaning needs the message's vector");
            for (var i = 0; i < dimensions; i++) features[at++] = meaning.Vector[i] * VectorScale;
            var nearest = examples!.NearestTo(meaning.Vector, message.Text);
            foreach (var label in labels) features[at++] = nearest.ScoreOf(label) * NearestExampleScale;
            var phrasing = meaning.NearestPhrasings.Max;
            var passage = meaning.PassageLikeness.Length > 0 ? meaning.PassageLikeness.Max() : 0;
            features[at++] = Math.Max(phrasing, passage);
        }
        if (evidence.HasFlag(RouteEvidence.Words))
        {
            features[at++] = (float)message.BestPassage;
            foreach (var flow in flowIds) features[at++] = (float)(message.LexicalFlows.FirstOrDefault(f => f.PageId == flow)?.Score ?? 0);
            features[at++] = MessageForm.AsksForInformation(message.Text) ? 1 : 0;
            Grams.Mark(message.Text, features.AsSpan(at), 1f);
        }
        return features;
    }
}
