using MagLearn.Bot.Evaluation;
using MagLearn.Tests.Api;

namespace MagLearn.Tests.Evaluation;

/// <summary>The eval command: each file in every mode side by side, then the k-fold figures per file.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"maglearn-eval-{Guid.NewGuid():N}.jsonl");

    public EvalCommandTests() => File.WriteAllLines(file,
    [
        """{"id": "t1", "text": "what payment methods are accepted for invoices", "expect": {"route": "answer", "pages": ["billing-support"]}}""",
        """{"id": "t2", "text": "I forgot my password", "expect": {"route": "dialog", "dialog": "login-assistance"}}""",
        """{"id": "t3", "text": "how do I bake sourdough bread", "expect": {"route": "fallback"}}""",
    ]);

    public void Dispose() => File.Delete(file);

    private static string Run(params string[] args)
    {
        using var host = new MagLearnHost();
        var output = new StringWriter();
        var code = EvalCommand.Run(host.Services, args, output);
        Assert.Equal(0, code);
        return output.ToString();
    }

    [Fact]
    public void A_file_is_measured_lexical_dense_mix_and_hybrid_side_by_side_and_held_out_by_folds()
    {
        var output = Run(file);

        Assert.Matches(@"lexical\s+dense\s+mix\s+hybrid", output);
        Assert.Contains("(none is a routing example: held out)", output);
        Assert.Matches(@"route accuracy\s+1\.000\s+\d\.\d{3}\s+1\.000\s+1\.000", output);
        Assert.Contains("== k-fold: 5 folds over the 207 labeled questions", output);
        Assert.Contains("held-out misses (hybrid):", output);
    }

    [Fact]
    public void Repeated_deals_of_the_folds_are_pooled_and_the_number_is_not_read_as_a_file()
    {
        var output = Run(file, "--repeats", "2", "--quiet");

        Assert.Contains("2 deals of the folds, pooled", output);
        // Each labeled question is held out once per deal.
        Assert.Matches(@"route accuracy(\s+\d\.\d{3}){4}\s+\(414 questions\)", output);
        Assert.DoesNotContain("== 2:", output);
    }

    [Fact]
    public void Without_folds_the_misses_shown_are_the_bots_own_on_the_file()
    {
        File.AppendAllText(file, """{"id": "t4", "text": "I forgot my password", "expect": {"route": "fallback"}}""" + "\n");

        var output = Run(file, "--no-kfold");

        Assert.DoesNotContain("k-fold", output);
        Assert.Contains("misses (hybrid):", output);
        Assert.Contains("miss t4:", output);
    }

    [Theory]
    [InlineData("--repeats")]
    [InlineData("--repeats", "0")]
    [InlineData("--repeats", "many")]
    public void A_bad_number_of_repeats_is_refused(params string[] repeats)
    {
        using var host = new MagLearnHost();
        var output = new StringWriter();

        var code = EvalCommand.Run(host.Services, [file, .. repeats], output);

        Assert.Equal(2, code);
        Assert.Contains("--repeats takes a number", output.ToString());
    }

    [Fact]
    public void A_broken_question_file_is_refused_with_its_line()
    {
        File.AppendAllText(file, "{not json\n");
        using var host = new MagLearnHost();
        var output = new StringWriter();

        var code = EvalCommand.Run(host.Services, [file], output);

        Assert.Equal(2, code);
        Assert.Contains(":4:", output.ToString());
    }
}
