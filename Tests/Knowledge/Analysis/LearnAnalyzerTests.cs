using MagLearn.Knowledge.Analysis;

namespace MagLearn.Tests.Knowledge.Analysis;

public class LearnAnalyzerTests
{
    private static List<string> QuestionTerms(string text) =>
        AnalyzerTerms.Of(LearnAnalyzer.ForQuestions(TinyLearn.RealLanguage), "body", text);

    private static List<string> BareTerms(string text) =>
        AnalyzerTerms.Of(LearnAnalyzer.ForQuestions(LanguageResources.Empty), "body", text);

    [Theory]
    [InlineData("passwords", "password")]
    [InlineData("invoices", "invoice")]
    [InlineData("registering", "register")]
    [InlineData("renewals", "renewal")]
    public void A_word_and_its_inflection_analyze_to_the_same_term(string inflected, string plain)
    {
        Assert.Equal(QuestionTerms(plain), QuestionTerms(inflected));
    }

    [Fact]
    public void Upper_and_lower_case_analyze_to_the_same_term()
    {
        Assert.Equal(QuestionTerms("password"), QuestionTerms("PASSWORD"));
    }

    [Theory]
    [InlineData("can't")]
    [InlineData("can\u2019t")]
    [InlineData("cant")]
    public void An_apostrophe_is_dropped_so_cant_has_one_spelling(string written)
    {
        Assert.Equal(["cant"], BareTerms(written));
    }

    [Fact]
    public void Accented_letters_fold_to_plain_ones()
    {
        Assert.Equal(QuestionTerms("resume"), QuestionTerms("r\u00e9sum\u00e9"));
    }

    [Fact]
    public void Chat_fillers_from_the_stop_word_file_say_nothing()
    {
        Assert.Equal(QuestionTerms("reset password"), QuestionTerms("pls reset my password"));
    }

    [Fact]
    public void English_stop_words_are_dropped()
    {
        Assert.Equal(QuestionTerms("invoice"), QuestionTerms("the invoice"));
    }
}
