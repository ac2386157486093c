using System.Numerics.Tensors;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>The 8-bit rows exact search reads: the same ranking as floats, within a score step far below any gap acted on.</summary>
public class QuantizedRowsTests
{
    [Theory]
    [InlineData(384)]
    [InlineData(31)]
    [InlineData(45)]
    [InlineData(7)]
    public void Every_path_of_the_integer_dot_product_is_the_sum_of_the_products_at_any_length(int length)
    {
        var random = new Random(length);
        var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var expected = a.Zip(b, (x, y) => x * y).Sum();

        Assert.Equal(expected, QuantizedRows.Dot(a, b));
        Assert.Equal(expected, QuantizedRows.Dot128(a, b));
        // The wide paths run where the processor has them (this machine kind has both).
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported) Assert.Equal(expected, QuantizedRows.Dot256(a, b));
        if (System.Runtime.Intrinsics.X86.Avx512BW.IsSupported) Assert.Equal(expected, QuantizedRows.Dot512(a, b));
    }

    [Fact]
    public void The_largest_products_do_not_overflow()
    {
        var a = Enumerable.Repeat((sbyte)127, 384).ToArray();
        var b = Enumerable.Repeat((sbyte)-127, 384).ToArray();

        Assert.Equal(-127 * 127 * 384, QuantizedRows.Dot(a, b));
        Assert.Equal(-127 * 127 * 384, QuantizedRows.Dot128(a, b));
    }

    [Fact]
    public void A_score_is_within_a_thousandth_or_so_of_the_float_dot_product()
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 500).Select(_ => UnitVector(random, 384)).ToList();
        var rows = new QuantizedRows(vectors, 384);
        var question = UnitVector(random, 384);
        var prepared = rows.Prepare(question);
        var scores = new float[vectors.Count];
        rows.Scores(prepared, 0, vectors.Count, scores);

        var worst = vectors.Select((v, i) => Math.Abs(TensorPrimitives.Dot(v, question) - scores[i])).Max();
        Assert.True(worst < 0.005, $"worst difference {worst}");
        Assert.Equal(scores[123], rows.Score(prepared, 123));
    }

    [Fact]
    public void The_nearest_row_is_the_same_as_with_floats()
    {
        var random = new Random(11);
        var vectors = Enumerable.Range(0, 200).Select(_ => UnitVector(random, 384)).ToList();
        var rows = new QuantizedRows(vectors, 384);
        for (var q = 0; q < 20; q++)
        {
            // A question near one row: a noisy copy of it.
            var target = random.Next(vectors.Count);
            var question = vectors[target].Select(x => x + (float)(random.NextDouble() - 0.5) * 0.05f).ToArray();
            var scores = new float[vectors.Count];
            rows.Scores(rows.Prepare(question), 0, vectors.Count, scores);

            Assert.Equal(target, Array.IndexOf(scores, scores.Max()));
        }
    }

    [Fact]
    public void A_zero_vector_scores_zero_not_nan()
    {
        var rows = new QuantizedRows([new float[8], [1, 0, 0, 0, 0, 0, 0, 0]], 8);

        var prepared = rows.Prepare(new float[] { 1, 0, 0, 0, 0, 0, 0, 0 });

        Assert.Equal(0, rows.Score(prepared, 0));
        Assert.Equal(1, rows.Score(prepared, 1), 3);
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new QuantizedRows([new float[3]], 4));
    }

    private static float[] UnitVector(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
