namespace MagLearn.Knowledge.Routing;

/// <summary>
/// A message and where it should go: <see cref="RouteLabels.Answer"/>, <see cref="RouteLabels.Fallback"/> or
/// <see cref="RouteLabels.Dialog"/> of a flow id.
/// </summary>
public sealed record RouteExample(string Text, string Label, RouteExampleSource Source);

/// <summary>
/// Where an example comes from. Labeled questions are what real people typed; the others are written by the team
/// (a flow's triggers, a page's question-like phrasings, the out-of-scope list). Cross-validation holds out only
/// labeled questions: the written examples are part of the product, always there.
/// </summary>
public enum RouteExampleSource { Trigger, Phrasing, OutOfScope, Labeled }

/// <summary>The names of the routes, as the question files write them.</summary>
public static class RouteLabels
{
    public const string Answer = "answer";
    public const string Fallback = "fallback";
    private const string DialogPrefix = "dialog:";

    public static string Dialog(string flowId) => DialogPrefix + flowId;

    /// <summary>The flow id of a dialog label, or null.</summary>
    public static string? FlowOf(string label) => label.StartsWith(DialogPrefix, StringComparison.Ordinal) ? label[DialogPrefix.Length..] : null;

    public static string Of(string route, string? dialog) => route == "dialog" && dialog is not null ? Dialog(dialog) : route;
}
