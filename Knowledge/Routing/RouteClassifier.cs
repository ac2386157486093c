namespace MagLearn.Knowledge.Routing;

/// <summary>A route and how likely the router thinks it is, calibrated: of messages given 0.8, about 8 in 10 are right.</summary>
public readonly record struct RouteChance(string Label, double Probability);

/// <summary>The router's reading of one message: every route, likeliest first, and whether the first two are too close to pick.</summary>
public sealed record RouteDecision(IReadOnlyList<RouteChance> Ranked, bool Close)
{
    public RouteChance Best => Ranked[0];
}

/// <summary>
/// The trained router: features, model, the temperature that calibrates it and the margin under which two routes
/// count as too close to pick ("Did you mean ...?"), all fitted on held-out questions (see <see cref="RouterTraining"/>).
/// </summary>
public sealed class RouteClassifier
{
    internal RouteClassifier(IReadOnlyList<string> labels, RouteFeatures features, RouteModel model, double closeMargin, RouterFigures figures)
    {
        Labels = labels;
        Features = features;
        Model = model;
        CloseMargin = closeMargin;
        Figures = figures;
    }

    public IReadOnlyList<string> Labels { get; }
    public RouteEvidence Evidence => Features.Evidence;
    public double Temperature => Model.Temperature;
    public double CloseMargin { get; }

    /// <summary>How the router did on questions it was not trained on, when it was trained.</summary>
    public RouterFigures Figures { get; }

    internal RouteFeatures Features { get; }
    internal RouteModel Model { get; }

    internal RouteDecision Decide(MessageEvidence message)
    {
        var probabilities = Model.Probabilities(Features.Of(message));
        var ranked = probabilities.Select((p, i) => new RouteChance(Labels[i], p)).OrderByDescending(c => c.Probability).ToList();
        return new RouteDecision(ranked, ranked.Count > 1 && ranked[0].Probability - ranked[1].Probability < CloseMargin);
    }
}

/// <summary>Cross-validated figures of a trained router: held-out route accuracy over the labeled questions, and how many.</summary>
public sealed record RouterFigures(int Folds, int Questions, double RouteAccuracy, double ExpectedCalibrationError)
{
    public static RouterFigures None { get; } = new(0, 0, 0, 0);
}
