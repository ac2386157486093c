using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// Unit vectors kept as 8-bit integers, each row with its own scale (its largest component maps to 127), and
/// compared with a question quantized the same way. Exact search reads every row for every question, so its cost is
/// the bytes it reads: a quarter of 32-bit floats' (384 bytes a row for 384 dimensions). A score differs from the
/// float dot product by about 0.001, far below any gap the ranking or the router acts on; the eval's figures are
/// the same with either (docs/understanding.md).
/// </summary>
public sealed class QuantizedRows
{
    private const float Levels = 127f;

    private readonly sbyte[] values;
    private readonly float[] scales;

    public QuantizedRows(IReadOnlyList<float[]> vectors, int dimensions)
    {
        Dimensions = dimensions;
        values = new sbyte[vectors.Count * dimensions];
        scales = new float[vectors.Count];
        for (var row = 0; row < vectors.Count; row++)
        {
            if (vectors[row].Length != dimensions) throw new ArgumentException($"row {row} has {vectors[row].Length} dimensions, not {dimensions}");
            scales[row] = Quantize(vectors[row], values.AsSpan(row * dimensions, dimensions));
        }
    }

    public int Count => scales.Length;
    public int Dimensions { get; }

    /// <summary>A question made ready to compare with the rows: quantized once, compared with every row.</summary>
    public readonly struct Question
    {
        internal Question(sbyte[] values, float scale) => (Values, Scale) = (values, scale);

        internal sbyte[] Values { get; }
        internal float Scale { get; }
    }

    public Question Prepare(ReadOnlySpan<float> question)
    {
        if (question.Length != Dimensions) throw new ArgumentException($"the question has {question.Length} dimensions, not {Dimensions}");
        var quantized = new sbyte[Dimensions];
        return new Question(quantized, Quantize(question, quantized));
    }

    /// <summary>The dot product of the question with one row.</summary>
    public float Score(in Question question, int row) =>
        Dot(values.AsSpan(row * Dimensions, Dimensions), question.Values) * scales[row] * question.Scale;

    /// <summary>The dot products of the question with rows <paramref name="from"/> up to <paramref name="to"/>, into <paramref name="scores"/>.</summary>
    public void Scores(in Question question, int from, int to, Span<float> scores)
    {
        var rows = values.AsSpan();
        for (var row = from; row < to; row++)
            scores[row - from] = Dot(rows.Slice(row * Dimensions, Dimensions), question.Values) * scales[row] * question.Scale;
    }

    /// <summary>The rows' values as floats again (to within the quantization step).</summary>
    public float[] Row(int row)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++) vector[i] = values[row * Dimensions + i] * scales[row];
        return vector;
    }

    private static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        var largest = TensorPrimitives.MaxMagnitude(vector);
        if (largest == 0 || !float.IsFinite(largest))
        {
            into.Clear();
            return 0;
        }
        var scale = Math.Abs(largest) / Levels;
        for (var i = 0; i < vector.Length; i++) into[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -Levels, Levels);
        return scale;
    }

    /// <summary>
    /// The integer dot product of two rows. Values lie in -127..127, so a product fits 16 bits and a pair's sum 32:
    /// the wide paths widen bytes to shorts and multiply-add adjacent pairs into ints, 32 or 16 bytes a step.
    /// </summary>
    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b) =>
        Avx512BW.IsSupported ? Dot512(a, b) : Avx2.IsSupported ? Dot256(a, b) : Dot128(a, b);

    internal static int Dot512(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var total = Vector512<int>.Zero;
        var i = 0;
        for (; i <= a.Length - 32; i += 32)
        {
            var x = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref left, (nuint)i));
            var y = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref right, (nuint)i));
            total = Avx512F.Add(total, Avx512BW.MultiplyAddAdjacent(x, y));
        }
        return Vector512.Sum(total) + Tail(a, b, i);
    }

    internal static int Dot256(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var total = Vector256<int>.Zero;
        var i = 0;
        for (; i <= a.Length - 16; i += 16)
        {
            var x = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref left, (nuint)i));
            var y = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref right, (nuint)i));
            total = Avx2.Add(total, Avx2.MultiplyAddAdjacent(x, y));
        }
        return Vector256.Sum(total) + Tail(a, b, i);
    }

    /// <summary>Any processor: 16 bytes a step through the portable vector API (software where not accelerated).</summary>
    internal static int Dot128(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var total = Vector128<int>.Zero;
        var i = 0;
        for (; i <= a.Length - 16; i += 16)
        {
            var (xLow, xHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref left, (nuint)i));
            var (yLow, yHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref right, (nuint)i));
            total += WidenedSum(xLow * yLow) + WidenedSum(xHigh * yHigh);
        }
        return Vector128.Sum(total) + Tail(a, b, i);

        static Vector128<int> WidenedSum(Vector128<short> products)
        {
            var (low, high) = Vector128.Widen(products);
            return low + high;
        }
    }

    private static int Tail(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, int from)
    {
        var sum = 0;
        for (var i = from; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
