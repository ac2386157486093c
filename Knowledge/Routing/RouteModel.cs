using System.Numerics.Tensors;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// Multinomial logistic regression: one weight row per route, softmax over the rows' scores. Small enough to train
/// at start-up on a few hundred messages and to explain (each route's probability comes from one dot product),
/// and its probabilities, divided by a temperature fitted on held-out messages, are honest confidences.
/// </summary>
internal sealed class RouteModel
{
    private readonly float[][] weights;
    private readonly float[] biases;

    public RouteModel(float[][] weights, float[] biases, double temperature = 1)
    {
        this.weights = weights;
        this.biases = biases;
        Temperature = temperature;
    }

    public int Classes => biases.Length;
    public int Dimensions => weights[0].Length;
    public double Temperature { get; }

    public float[][] Weights => weights;
    public float[] Biases => biases;

    public RouteModel WithTemperature(double temperature) => new(weights, biases, temperature);

    public double[] Probabilities(ReadOnlySpan<float> features)
    {
        var scores = new double[Classes];
        for (var c = 0; c < Classes; c++) scores[c] = (TensorPrimitives.Dot(weights[c], features) + biases[c]) / Temperature;
        return Softmax(scores);
    }

    public static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++) sum += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) scores[c] /= sum;
        return scores;
    }

    /// <summary>Training settings: chosen by cross-validation over the labeled questions (docs/understanding.md).</summary>
    public sealed record Settings(double L2 = 3e-4, int Epochs = 400, double LearningRate = 0.05);

    /// <summary>A class's weights over a range of features, held at zero: that class may not learn from them.</summary>
    public readonly record struct Unread(int Class, int From, int To);

    /// <summary>
    /// Minimises the weighted cross-entropy plus an L2 penalty over the whole set at each step, with Adam.
    /// Deterministic: the same examples give the same model.
    /// </summary>
    public static RouteModel Train(IReadOnlyList<float[]> x, IReadOnlyList<int> y, IReadOnlyList<float> weight, int classes, Settings settings, Unread? unread = null)
    {
        var n = x.Count;
        var d = x[0].Length;
        var w = NewRows(classes, d);
        var b = new float[classes];
        var (mw, vw, gw) = (NewRows(classes, d), NewRows(classes, d), NewRows(classes, d));
        var (mb, vb, gb) = (new float[classes], new float[classes], new float[classes]);
        var totalWeight = weight.Sum();
        var scores = new double[classes];
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            foreach (var row in gw) Array.Clear(row);
            Array.Clear(gb);
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < classes; c++) scores[c] = TensorPrimitives.Dot(w[c], x[i]) + b[c];
                var p = Softmax(scores);
                for (var c = 0; c < classes; c++)
                {
                    var g = (float)((p[c] - (y[i] == c ? 1 : 0)) * weight[i] / totalWeight);
                    if (g == 0) continue;
                    gb[c] += g;
                    TensorPrimitives.MultiplyAdd(x[i], g, gw[c], gw[c]);
                }
            }
            if (unread is { } held) Array.Clear(gw[held.Class], held.From, held.To - held.From);
            var correction1 = 1 - Math.Pow(beta1, epoch);
            var correction2 = 1 - Math.Pow(beta2, epoch);
            var step = (float)(settings.LearningRate * Math.Sqrt(correction2) / correction1);
            for (var c = 0; c < classes; c++)
            {
                TensorPrimitives.MultiplyAdd(w[c], (float)settings.L2, gw[c], gw[c]);
                Adam(w[c], gw[c], mw[c], vw[c], step);
                b[c] -= step * Update(ref mb[c], ref vb[c], gb[c]);
            }
        }
        return new RouteModel(w, b);

        static float Update(ref float m, ref float v, float g)
        {
            m = (float)(beta1 * m + (1 - beta1) * g);
            v = (float)(beta2 * v + (1 - beta2) * g * g);
            return (float)(m / (Math.Sqrt(v) + epsilon));
        }

        static void Adam(float[] w, float[] g, float[] m, float[] v, float step)
        {
            for (var j = 0; j < w.Length; j++) w[j] -= step * Update(ref m[j], ref v[j], g[j]);
        }
    }

    private static float[][] NewRows(int rows, int columns)
    {
        var result = new float[rows][];
        for (var r = 0; r < rows; r++) result[r] = new float[columns];
        return result;
    }
}
