using MagLearn.Knowledge.Semantic;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// The vectors of the examples a router was trained on, owned by their route, so a message can be told how near
/// it comes to each route's nearest example: "I forgot my linkedin password" is nearer the out-of-scope list's
/// other products than any MAG example, "edit my profile" nearer a page's phrasing than anything foreign. A
/// nearest neighbour generalizes from a few examples where a weight over 384 dimensions needs many.
/// </summary>
internal sealed class ExampleBank
{
    private readonly SentenceSet sentences;

    private ExampleBank(SentenceSet sentences) => this.sentences = sentences;

    /// <summary>The bank of <paramref name="examples"/>; one without a vector (its encoding failed) is left out.</summary>
    public static ExampleBank Of(IEnumerable<RouteExample> examples, Func<string, float[]?> vectorOf, int dimensions)
    {
        var kept = examples.DistinctBy(e => (e.Text, e.Label)).Select(e => (Example: e, Vector: vectorOf(e.Text)))
            .Where(p => p.Vector is not null).ToList();
        return new ExampleBank(new SentenceSet(kept.Select(p => (p.Example.Label, p.Example.Text)).ToList(), kept.Select(p => p.Vector!).ToList(), dimensions));
    }

    /// <summary>Each route's nearest example to the message, leaving out an example that is the message itself.</summary>
    public SentenceSet.Nearest NearestTo(float[] vector, string text) => sentences.NearestTo(vector, except: text);
}
