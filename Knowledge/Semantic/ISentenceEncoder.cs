namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// Turns a sentence into a unit-length vector whose dot product with another says how alike their meanings are.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>Names the model and its version: vectors from different models never meet (see <see cref="VectorStore"/>).</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>The text's vector, of length one. Text past the model's token limit is cut, never refused.</summary>
    float[] Encode(string text);
}
