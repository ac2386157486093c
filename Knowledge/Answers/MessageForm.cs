using System.Text.RegularExpressions;

namespace MagLearn.Knowledge.Answers;

/// <summary>
/// Whether a message asks for information ("how long does approval take?", "what payment methods are there?")
/// rather than states a problem to be walked through ("I forgot my password", "we need to change our admin").
/// The two often share every content word, so the grammar of the sentence is what separates them; the router
/// uses this only as a tilt between a flow and a passage that both fit.
/// </summary>
public static partial class MessageForm
{
    public static bool AsksForInformation(string text) =>
        InformationCue().IsMatch(text) && !ProblemCue().IsMatch(text);

    // Questions about facts: durations, amounts, definitions, which/who/when, yes-no questions about how MAG works.
    [GeneratedRegex(@"\b(how (long|much|many|often|soon)|what(\s+is|\s+are|\s+does|\s+do|\s+happens|\s+if|s|'s| kind| ways?| even)|which|who|when|why|is (there|it|the|my|this)|are (there|the)|does|do (i|we|you) (need|have)|can (i|we|me|my|you) (use|do|link|share|see|pay|put|approve)|should (i|we)|where (can|do) (i|we) (see|find|look))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InformationCue();

    // Statements of a problem or of something the person needs done now.
    [GeneratedRegex(@"\b(forgot|forgotten|lost|can'?t|cannot|unable|locked|lock(ed)? out|not working|doesn'?t work|won'?t|keeps? (failing|getting|saying)|error|expired|never (got|received|recieved)|need (to|a|an|my)|want to|help me|walk me|get me|connect me|stuck|rejected|isn'?t helping|not helping)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProblemCue();
}
