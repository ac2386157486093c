using MagLearn.Knowledge.Search;
using static MagLearn.Tests.Knowledge.TinyLearn;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>A flow fits a message when one of its trigger phrasings is present in it, synonyms and typos included.</summary>
public class FlowMatcherTests
{
    private static readonly SearchDocument PasswordFlow = new(
        SearchDocument.FlowKind, "password-help", "", "Password help", "", "Helps with a forgotten password.",
        ["I forgot my password", "my account is locked"]);

    private static readonly KnowledgeIndex Index = KnowledgeIndex.Build(
        Library(
            Page("login",
                S("forgot-password", "Forgotten password", "Use the reset link on the login page to choose a new password."),
                S("locked", "Locked accounts", "Your account is locked after several failed tries; your account administrator can unlock it."),
                S("account", "Your account", "Your account holds your profile and your account settings.")),
            Page("billing", S("pay-invoice", "Paying an invoice", "Pay your account invoice by credit card."))),
        RealLanguage,
        [PasswordFlow]);

    private static double Fit(string message) =>
        new QuestionSearch(Index).Search(message, 1, flowTop: 1).Flows.FirstOrDefault()?.Score ?? 0;

    [Fact]
    public void A_message_that_says_a_phrasing_fits_fully()
    {
        Assert.Equal(1.0, Fit("hi, I forgot my password yesterday"), precision: 2);
    }

    [Fact]
    public void A_synonym_of_a_phrasing_word_counts()
    {
        Assert.Equal(Fit("I forgot my password"), Fit("I cant remember my pwd"), precision: 2);
    }

    [Fact]
    public void A_misspelled_phrasing_word_still_counts()
    {
        Assert.True(Fit("forgot my pasword") > 0.6, $"fit {Fit("forgot my pasword")}");
    }

    [Fact]
    public void Sharing_only_a_common_word_with_a_phrasing_is_a_weak_fit()
    {
        Assert.True(Fit("what is on my account page") < 0.5, $"fit {Fit("what is on my account page")}");
    }

    [Fact]
    public void A_flow_is_never_a_passage()
    {
        var result = new QuestionSearch(Index).Search("I forgot my password", 10, flowTop: 1);

        Assert.DoesNotContain(result.Hits, h => h.PageId == "password-help");
        Assert.Equal("password-help", Assert.Single(result.Flows).PageId);
    }
}
