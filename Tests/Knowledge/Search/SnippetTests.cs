using static MagLearn.Tests.Knowledge.TinyLearn;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>The snippet beside each answer: the best short fragment, question words in bold.</summary>
public class SnippetTests
{
    [Fact]
    public void The_snippet_marks_the_question_words_in_bold()
    {
        var search = SearchOf(RealLanguage, Page("billing",
            S("pay-invoice", "Paying an invoice", "Open the Billing and Support Center and pay the invoice by credit card.")));

        var hit = Assert.Single(search.Search("pay invoice by card", 1).Hits);

        Assert.Contains("**card**", hit.Snippet);
    }

    [Fact]
    public void A_passage_that_opens_with_one_long_unbroken_token_still_gets_a_snippet_cut_to_length()
    {
        var longLink = "https://example.com/" + new string('a', 300);
        var search = SearchOf(RealLanguage, Page("portal",
            S("portal-link", "Portal link", longLink + " and then words.")));

        var hit = Assert.Single(search.Search("portal link", 1).Hits);

        Assert.StartsWith("https://example.com/", hit.Snippet);
        Assert.True(hit.Snippet.Length <= 230, $"snippet of {hit.Snippet.Length} characters");
    }
}
