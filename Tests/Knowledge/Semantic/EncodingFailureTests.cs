using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Semantic;
using MagLearn.Tests.Flows.Support;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>A message the model fails to encode is still answered: by words alone, and counted.</summary>
public class EncodingFailureTests
{
    private static readonly Lazy<(KnowledgeBase Knowledge, CountingEncoder Encoder)> Built = new(() =>
    {
        var encoder = new CountingEncoder();
        var knowledge = new KnowledgeBase(RepoPaths.Content, () => FlowPaths.Catalog.Documents(), model: new SentenceModel(encoder, cacheFolder: null));
        knowledge.Reload();
        return (knowledge, encoder);
    });

    [Fact]
    public void A_failed_encoding_answers_by_words_and_counts_the_failure()
    {
        var (knowledge, encoder) = Built.Value;
        var router = new AskRouter(knowledge);
        encoder.Fails = true;
        try
        {
            var result = router.Ask("what payment methods are accepted for invoices", explain: true);

            Assert.Equal(AskRoute.Answer, result.Route);
            Assert.Equal("billing-support", result.Answers[0].Page);
            Assert.Equal("words", result.Explanation!.Evidence);
            Assert.Equal(1, router.EncodingFailures);
        }
        finally
        {
            encoder.Fails = false;
        }
    }

    [Fact]
    public void A_decision_made_without_the_model_is_not_kept_for_the_next_asking()
    {
        var (knowledge, encoder) = Built.Value;
        var router = new AskRouter(knowledge);
        const string question = "how long is the administrator training";
        encoder.Fails = true;
        router.Ask(question);
        encoder.Fails = false;
        var callsBefore = encoder.Calls;

        router.Ask(question);

        Assert.Equal(callsBefore + 1, encoder.Calls);
    }
}
