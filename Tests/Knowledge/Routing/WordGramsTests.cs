using MagLearn.Knowledge.Routing;

namespace MagLearn.Tests.Knowledge.Routing;

/// <summary>The shape of a message in words: only habits of several messages are kept.</summary>
public class WordGramsTests
{
    [Fact]
    public void A_gram_in_fewer_than_three_messages_is_not_kept()
    {
        var grams = WordGrams.Learn(["how do I pay", "how do I log in", "how do I renew", "zebra crossing", "zebra"]);

        Assert.Contains("how do", grams.Grams);
        Assert.DoesNotContain("zebra", grams.Grams);
    }

    [Fact]
    public void How_a_message_opens_is_a_gram_of_its_own()
    {
        var grams = WordGrams.Learn(["what is mag", "what is otp", "what is eag", "so what is it"]);

        Assert.Contains("^what", grams.Grams);
        Assert.Contains("^what is", grams.Grams);
        Assert.DoesNotContain("^so", grams.Grams);
    }

    [Fact]
    public void Asking_with_a_question_mark_is_a_gram()
    {
        var grams = WordGrams.Learn(["token?", "invoice?", "mag?"]);

        Assert.Equal(["?"], grams.Present("which one?"));
    }

    [Fact]
    public void Apostrophes_and_case_do_not_make_a_different_gram()
    {
        var grams = WordGrams.Learn(["I can't log in", "i cant sign in", "CAN'T get in"]);

        Assert.Contains("cant", grams.Present("I CAN'T"));
    }

    [Fact]
    public void Marking_sets_only_the_grams_the_message_has()
    {
        var grams = WordGrams.Learn(["my token", "my token", "my token", "the invoice", "the invoice", "the invoice"]);
        var features = new float[grams.Count];

        grams.Mark("my invoice", features, 1f);

        var marked = grams.Grams.Where((_, i) => features[i] == 1f).ToList();
        Assert.Equal(["^my", "invoice", "my"], marked.Order(StringComparer.Ordinal));
    }
}
