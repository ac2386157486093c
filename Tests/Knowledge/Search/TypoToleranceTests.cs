using MagLearn.Knowledge.Search;
using static MagLearn.Tests.Knowledge.TinyLearn;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>Questions typed in a hurry still find their passage, without a correct word being traded away.</summary>
public class TypoToleranceTests
{
    private static readonly QuestionSearch Help = SearchOf(RealLanguage,
        Page("login",
            S("forgot-password", "Forgotten password", "Use the reset link on the login page to choose a new password."),
            S("security-questions", "Security questions", "Answer your security questions to confirm who you are.")),
        Page("billing", S("pay-invoice", "Paying an invoice", "Pay by credit card or bank transfer.")),
        Page("training", S("course", "Administrator training", "A monthly WebEx course for beginners.")));

    [Fact]
    public void Pasword_finds_the_password_passage()
    {
        Assert.Equal("login#forgot-password", Help.Ranked("pasword").FirstOrDefault());
    }

    [Fact]
    public void Securty_qestions_finds_the_security_questions_passage()
    {
        Assert.Equal("login#security-questions", Help.Ranked("securty qestions").FirstOrDefault());
    }

    [Fact]
    public void A_misspelled_word_is_reported_with_its_correction()
    {
        var profile = Help.Search("pasword", 3).Profile;

        Assert.Equal("password", profile.Corrections["pasword"]);
    }

    [Fact]
    public void A_corrected_word_scores_below_the_same_word_typed_right()
    {
        var typed = Help.Search("password", 1).Hits.Single();
        var corrected = Help.Search("pasword", 1).Hits.Single();

        Assert.Equal((typed.PageId, typed.SectionId), (corrected.PageId, corrected.SectionId));
        Assert.True(corrected.Score < typed.Score, $"corrected {corrected.Score} should score below exact {typed.Score}");
    }

    [Fact]
    public void A_word_the_content_knows_is_not_corrected_into_a_neighbour()
    {
        var search = SearchOf(RealLanguage,
            Page("mail", S("sender", "Sender address", "Change the sender shown on notification emails.")),
            Page("bids", S("tender", "Tender documents", "Upload the tender before the deadline.")));

        Assert.Equal(["mail#sender"], search.Ranked("sender"));
    }

    [Fact]
    public void An_exact_match_outranks_a_passage_reached_only_by_correction()
    {
        var search = SearchOf(RealLanguage,
            Page("mail", S("sender", "Sender address", "Change the sender shown on notification emails.")),
            Page("bids", S("tender", "Tender documents", "Upload the tender before the deadline.")));

        var ranked = search.Ranked("sender tendr");

        Assert.Equal(["mail#sender", "bids#tender"], ranked);
    }

    [Fact]
    public void A_short_word_is_not_corrected()
    {
        Assert.Empty(Help.Ranked("pey"));
    }
}
