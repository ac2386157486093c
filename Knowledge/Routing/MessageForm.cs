using System.Text.RegularExpressions;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// Whether a message asks for information ("how long does approval take?", "what payment methods are there?")
/// rather than states a problem to be walked through ("I forgot my password", "we need to change our admin").
/// The two often share every content word, so the grammar of the sentence is what separates them; the router
/// uses this only as a tilt between a flow and a passage that both fit.
/// </summary>
public static partial class MessageForm
{
    public static bool AsksForInformation(string text) =>
        InformationCue().IsMatch(text) && !StatesProblem(text);

    public static bool StatesProblem(string text) => ProblemCue().IsMatch(text);

    // Questions about facts. Amounts and durations ("how long", "how much") ask for information wherever they
    // stand; question words and yes-no openings ("what", "who", "is there", "can we", "do I") only at the start
    // of a sentence or clause, since "the guy who set up our account" or "where do I order one" are not
    // questions about facts. "How do I ..." asks for a procedure, which is what a flow walks through.
    [GeneratedRegex(@"\bhow (long|much|many|often|soon)\b|(^|[.?!,;:]\s*|\b(and|but|so|also|q)\s*:?\s+)(what|whats|which|who|when|why|where (can|do) (i|we) (see|find|look)|(is|are|was|does|do|did|can|could|should|will|would) (there|it|the|a|an|my|our|this|that|these|those|i|we|you|they|me)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InformationCue();

    // Statements of a problem or of something the person needs done now.
    [GeneratedRegex(@"\b(forget|forgot|forgotten|lost|can'?t|cannot|unable|locked|lock(ed)? out|not working|doesn'?t work|won'?t|keeps? (failing|getting|saying)|error|expired|never (got|received|recieved)|help me|walk me|get me|connect me|stuck|rejected|isn'?t helping|not helping)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProblemCue();
}
