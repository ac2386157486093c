using MagLearn.Knowledge.Semantic;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// Trains the router, and fits what a hand would otherwise guess on held-out questions: the labeled questions are
/// split into <see cref="Folds"/> folds, each fold routed by a router trained on everything else, and those
/// held-out readings choose the temperature (calibration) and the "too close to pick" margin before the final
/// router is trained on everything.
/// </summary>
public static class RouterTraining
{
    public const int Folds = 5;

    /// <summary>A labeled question counts this many written examples: people's own wording is the rarer evidence.</summary>
    private const float LabeledWeight = 3f;

    /// <summary>Fewer labeled questions than this and there is nothing to fit on: the defaults stand.</summary>
    private const int MinimumForFolds = 20;

    private const double DefaultCloseMargin = 0.15;

    /// <summary>
    /// What a wrong route costs against a needless "Did you mean ...?": asking when the router was right costs the
    /// person a click, so a margin is only worth it where it turns wrong routes into a choice that holds the right one.
    /// </summary>
    private const double NeedlessQuestionCost = 0.35;

    /// <summary>One labeled question routed by a router that never saw it.</summary>
    public sealed record HeldOut(RouteExample Example, int Fold, RouteDecision Decision);

    /// <summary>The examples, the evidence of each and their texts' vectors, gathered once.</summary>
    internal sealed record Inputs(RouteTrainingSet Set, RouteEvidence Evidence, SemanticIndex? Semantic,
        IReadOnlyDictionary<RouteExample, MessageEvidence> Messages, IReadOnlyDictionary<string, float[]> Vectors);

    internal static RouteClassifier Train(Inputs inputs, RouteModel.Settings? settings = null)
    {
        settings ??= new RouteModel.Settings();
        var labeled = inputs.Set.Labeled;
        if (labeled.Count < MinimumForFolds)
            return Fit(inputs, inputs.Set.All.ToList(), settings, temperature: 1, DefaultCloseMargin, RouterFigures.None);

        var (heldOut, _) = CrossValidate(inputs, settings, seed: 1);
        var temperature = FitTemperature(heldOut);
        var calibrated = heldOut.Select(h => h with { Decision = Recalibrate(h.Decision, temperature) }).ToList();
        var margin = FitMargin(calibrated);
        var figures = new RouterFigures(Folds, calibrated.Count,
            calibrated.Count(h => h.Decision.Best.Label == h.Example.Label) / (double)calibrated.Count,
            CalibrationError(calibrated));
        return Fit(inputs, inputs.Set.All.ToList(), settings, temperature, margin, figures);
    }

    /// <summary>
    /// Each labeled question routed by a router trained on the other folds (and every written example, but one
    /// whose text is a held-out question's). Folds are dealt per route, so each holds every route in proportion.
    /// </summary>
    internal static (List<HeldOut> HeldOut, List<RouteClassifier> Routers) CrossValidate(Inputs inputs, RouteModel.Settings settings, int seed)
    {
        var random = new Random(seed);
        var folds = inputs.Set.Labeled
            .GroupBy(e => e.Label)
            .SelectMany(g => g.OrderBy(_ => random.Next()).Select((e, i) => (Example: e, Fold: i % Folds)))
            .ToList();
        var heldOut = new List<HeldOut>();
        var routers = new List<RouteClassifier>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var test = folds.Where(f => f.Fold == fold).Select(f => f.Example).ToList();
            var testTexts = test.Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
            var train = inputs.Set.Written.Where(e => !testTexts.Contains(e.Text))
                .Concat(folds.Where(f => f.Fold != fold).Select(f => f.Example)).ToList();
            var router = Fit(inputs, train, settings, temperature: 1, DefaultCloseMargin, RouterFigures.None);
            routers.Add(router);
            heldOut.AddRange(test.Select(e => new HeldOut(e, fold, router.Decide(inputs.Messages[e]))));
        }
        return (heldOut, routers);
    }

    private static RouteClassifier Fit(Inputs inputs, List<RouteExample> train, RouteModel.Settings settings, double temperature, double margin, RouterFigures figures)
    {
        var labels = inputs.Set.Labels;
        var grams = WordGrams.Learn(train.Select(e => e.Text));
        var examples = inputs.Semantic is null ? null : ExampleBank.Of(train, text => inputs.Vectors.GetValueOrDefault(text), inputs.Semantic.Dimensions);
        var features = new RouteFeatures(inputs.Evidence, labels, inputs.Semantic, grams, examples);
        var x = train.Select(e => features.Of(inputs.Messages[e])).ToList();
        var y = train.Select(e => IndexOf(labels, e.Label)).ToList();
        var weights = train.Select(e => e.Source == RouteExampleSource.Labeled ? LabeledWeight : 1f).ToList();
        // Whether a message is about MAG at all is a matter of what it is about, not of how it is put: the fallback
        // does not read the word grams, so the way the out-of-scope list happens to be worded ("how do I", "my")
        // cannot teach the router that a way of asking is foreign.
        RouteModel.Unread? unread = inputs.Evidence.HasFlag(RouteEvidence.Words)
            ? new RouteModel.Unread(IndexOf(labels, RouteLabels.Fallback), features.GramsStart, features.Count)
            : null;
        var model = RouteModel.Train(x, y, weights, labels.Count, settings, unread).WithTemperature(temperature);
        return new RouteClassifier(labels, features, model, margin, figures);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
            if (labels[i] == label) return i;
        throw new ArgumentException($"unknown route {label}");
    }

    /// <summary>The temperature under which the held-out probabilities of the true routes are likeliest.</summary>
    private static double FitTemperature(List<HeldOut> heldOut)
    {
        var best = (Temperature: 1.0, Loss: double.MaxValue);
        for (var t = 0.4; t <= 4.0001; t += 0.05)
        {
            var loss = heldOut.Sum(h => -Math.Log(Math.Max(1e-12, Recalibrate(h.Decision, t).Ranked.First(c => c.Label == h.Example.Label).Probability)));
            if (loss < best.Loss) best = (t, loss);
        }
        return Math.Round(best.Temperature, 2);
    }

    /// <summary>Probabilities as they would be under another temperature (the decision was made at 1).</summary>
    private static RouteDecision Recalibrate(RouteDecision decision, double temperature)
    {
        var scores = decision.Ranked.Select(c => Math.Log(Math.Max(c.Probability, 1e-300)) / temperature).ToArray();
        var probabilities = RouteModel.Softmax(scores);
        var ranked = decision.Ranked.Select((c, i) => c with { Probability = probabilities[i] }).ToList();
        return decision with { Ranked = ranked };
    }

    private static double FitMargin(List<HeldOut> heldOut)
    {
        var best = (Margin: 0.0, Gain: 0.0);
        for (var m = 0.0; m <= 0.5001; m += 0.01)
        {
            var gain = 0.0;
            foreach (var (example, _, decision) in heldOut)
            {
                var gap = decision.Ranked[0].Probability - decision.Ranked[1].Probability;
                if (gap >= m) continue;
                if (decision.Best.Label == example.Label) gain -= NeedlessQuestionCost;
                else if (decision.Ranked[1].Label == example.Label) gain += 1;
            }
            if (gain > best.Gain + 1e-9) best = (m, gain);
        }
        return Math.Round(best.Margin, 2);
    }

    /// <summary>Expected calibration error over ten bins of the chosen route's probability.</summary>
    internal static double CalibrationError(IReadOnlyList<HeldOut> heldOut)
    {
        var error = 0.0;
        foreach (var bin in heldOut.GroupBy(h => Math.Min(9, (int)(h.Decision.Best.Probability * 10))))
        {
            var confidence = bin.Average(h => h.Decision.Best.Probability);
            var accuracy = bin.Average(h => h.Decision.Best.Label == h.Example.Label ? 1.0 : 0.0);
            error += Math.Abs(confidence - accuracy) * bin.Count() / heldOut.Count;
        }
        return error;
    }
}
