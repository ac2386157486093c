using static MagLearn.Tests.Knowledge.TinyLearn;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>The snippet beside each answer: the best short fragment, plain text, with where the question's words are.</summary>
public class SnippetTests
{
    [Fact]
    public void The_snippet_gives_where_each_question_word_stands_in_its_plain_text()
    {
        var search = SearchOf(RealLanguage, Page("billing",
            S("pay-invoice", "Paying an invoice", "Open the Billing and Support Center and pay the invoice by credit card.")));

        var snippet = Assert.Single(search.Search("pay invoice by card", 1).Hits).Snippet;

        var marked = snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList();
        Assert.Contains("card", marked);
        Assert.Contains("invoice", marked);
        Assert.DoesNotContain("*", snippet.Text);
    }

    [Fact]
    public void A_word_that_is_not_asked_for_is_not_highlighted()
    {
        var search = SearchOf(RealLanguage, Page("billing",
            S("pay-invoice", "Paying an invoice", "Open the Billing and Support Center and pay the invoice by credit card.")));

        var snippet = Assert.Single(search.Search("pay invoice by card", 1).Hits).Snippet;

        Assert.DoesNotContain("Center", snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)));
    }

    [Fact]
    public void A_passage_that_opens_with_one_long_unbroken_token_still_gets_a_snippet_cut_to_length()
    {
        var longLink = "https://example.com/" + new string('a', 300);
        var search = SearchOf(RealLanguage, Page("portal",
            S("portal-link", "Portal link", longLink + " and then words.")));

        var hit = Assert.Single(search.Search("portal link", 1).Hits);

        Assert.StartsWith("https://example.com/", hit.Snippet.Text);
        Assert.True(hit.Snippet.Text.Length <= 230, $"snippet of {hit.Snippet.Text.Length} characters");
    }
}
