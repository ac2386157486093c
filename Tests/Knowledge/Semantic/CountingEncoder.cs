using MagLearn.Knowledge.Semantic;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>
/// An encoder that counts what it is asked and derives a unit vector from the text's hash: for the store and the
/// index, which must not care what a vector means, only which text it belongs to. Can be set to fail.
/// </summary>
internal sealed class CountingEncoder(string modelId = "counting-1", int dimensions = 8) : ISentenceEncoder
{
    private int calls;

    public string ModelId => modelId;
    public int Dimensions => dimensions;
    public int Calls => Volatile.Read(ref calls);
    public bool Fails { get; set; }

    public float[] Encode(string text)
    {
        Interlocked.Increment(ref calls);
        if (Fails) throw new InvalidOperationException("encoding failed on purpose");
        var random = new Random(StringComparer.Ordinal.GetHashCode(text));
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / length).ToArray();
    }
}
