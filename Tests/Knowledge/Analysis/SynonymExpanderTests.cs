using System.Text.RegularExpressions;
using MagLearn.Knowledge.Analysis;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Analysis;

/// <summary>
/// The expander gives the same terms as the index analyzer with Lucene's synonym filter, for any text: multi-word
/// rules, overlapping rules, stop words, apostrophes, accents and case included.
/// </summary>
public class SynonymExpanderTests
{
    private static readonly LanguageResources Language = LanguageResources.LoadFolder(RepoPaths.Content);

    /// <summary>Every word of the synonym rules, with words around them that are no rule's.</summary>
    private static readonly string[] Vocabulary = Regex.Split(File.ReadAllText(Path.Combine(RepoPaths.Content, "synonyms.txt")), @"[^\p{L}\p{N}']+")
        .Where(w => w.Length > 0)
        .Concat(["the", "my", "a", "to", "is", "i", "can't", "don't", "Log-In", "ÉXOSTAR", "Passwörd", "2FA", "one-time",
                 "résumé", "x", "it's", "organisation's", "e-mail", "user_id", "12345", "renewing", "accounts", "ﬁle"])
        .Distinct()
        .ToArray();

    private static readonly string[] Between = [" ", " ", " ", ", ", ". ", "? ", " - ", "\n", "'", "/"];

    private static IEnumerable<string> Texts()
    {
        var random = new Random(20261201);
        for (var n = 0; n < 4000; n++)
        {
            var text = new System.Text.StringBuilder();
            for (var w = 1 + random.Next(14); w > 0; w--)
            {
                var word = Vocabulary[random.Next(Vocabulary.Length)];
                text.Append(random.Next(6) switch { 0 => word.ToUpperInvariant(), 1 => char.ToUpperInvariant(word[0]) + word[1..], _ => word });
                text.Append(Between[random.Next(Between.Length)]);
            }
            yield return text.ToString();
        }
        yield return "";
        yield return "   ";
        yield return "I forgot my password and can't log in to the Exostar portal with my one time password token";
        yield return "LOG \uD800IN with my ÜSER \uDC00ID, \uD835\uDC00 SIGN-IN \u0130D";
    }

    [Fact]
    public void Every_text_gets_the_index_analyzers_terms()
    {
        var index = LearnAnalyzer.ForIndex(Language);
        var expander = new SynonymExpander(Language);
        var multiWord = 0;

        foreach (var text in Texts())
        {
            var expected = AnalyzerTerms.Of(index, "body", text).ToHashSet(StringComparer.Ordinal);
            var actual = new List<string>();
            expander.AddTerms(text, actual);
            Assert.True(expected.SetEquals(actual),
                $"\"{text}\": analyzer [{string.Join(" ", expected.Order())}], expander [{string.Join(" ", actual.Distinct().Order())}]");
            if (expected.Count > AnalyzerTerms.Of(LearnAnalyzer.ForQuestions(Language), "body", text).Distinct().Count() + 2) multiWord++;
        }

        Assert.True(multiWord > 500, $"only {multiWord} texts were expanded by the rules");
    }

    [Theory]
    [InlineData("please sign in now")]
    [InlineData("sign sign in in")]
    [InlineData("foo bar baz or foo bar")]
    [InlineData("SIGN IN with QUX")]
    public void One_way_rules_replace_their_words(string text)
    {
        var language = new LanguageResources(LanguageResources.ParseSynonyms("sign in => login\nfoo bar baz, qux"), LanguageResources.StopWordsWith([]));
        var expander = new SynonymExpander(language);

        var actual = new List<string>();
        expander.AddTerms(text, actual);

        Assert.Equal(AnalyzerTerms.Of(LearnAnalyzer.ForIndex(language), "body", text).ToHashSet().Order(), actual.Distinct().Order());
    }
}
