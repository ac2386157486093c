using System.Text.Json;

namespace MagLearn.Tests.Api;

/// <summary><c>/api/ask?explain=true</c>: what a decision was made from, for the people who tune the content.</summary>
[Collection(HostCollection.Name)]
public class AskApiExplainTests(MagLearnHost host)
{
    private readonly HttpClient client = host.CreateClient();

    private async Task<JsonElement> Explained(string question)
    {
        var body = await (await client.GetAsync("/api/ask?explain=true&q=" + Uri.EscapeDataString(question))).OkJson();
        return body.GetProperty("explain");
    }

    [Fact]
    public async Task It_gives_every_routes_probability_and_they_add_up_to_one()
    {
        var routes = (await Explained("I forgot my password")).GetProperty("routes").EnumerateArray().ToList();

        Assert.Contains(routes, r => r.GetProperty("label").GetString() == "dialog:login-assistance");
        Assert.Equal(1.0, routes.Sum(r => r.GetProperty("probability").GetDouble()), 2);
    }

    [Fact]
    public async Task Each_passage_shows_its_lexical_and_its_semantic_score_and_the_words_it_matched()
    {
        var passages = (await Explained("what payment methods are accepted for invoices")).GetProperty("passages").EnumerateArray().ToList();

        var best = passages[0];
        Assert.True(best.GetProperty("lexical").GetDouble() > 0);
        Assert.True(best.GetProperty("dense").GetDouble() > 0);
        Assert.Contains(best.GetProperty("matchedWords").EnumerateArray(), w => w.GetString()!.StartsWith("payment"));
    }

    [Fact]
    public async Task It_names_the_words_the_synonym_rules_added()
    {
        var synonyms = (await Explained("my 2fa is not working")).GetProperty("synonyms").EnumerateArray().Select(s => s.GetString()).ToList();

        Assert.Contains("otp", synonyms);
    }

    [Fact]
    public async Task It_gives_the_nearest_trigger_and_phrasing()
    {
        var explain = await Explained("I cannot remember my user id");

        Assert.Equal("login-assistance", explain.GetProperty("nearestTriggers")[0].GetProperty("owner").GetString());
        Assert.False(string.IsNullOrEmpty(explain.GetProperty("nearestPhrasing").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task It_names_the_index_and_the_model()
    {
        var explain = await Explained("what is an otp");

        Assert.Matches("^[0-9a-f]{12}$", explain.GetProperty("indexVersion").GetString());
        Assert.StartsWith("all-MiniLM-L6-v2", explain.GetProperty("model").GetString());
        Assert.Equal("meaning and words", explain.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Without_explain_the_answer_carries_no_explanation()
    {
        var body = await (await client.GetAsk("what is an otp")).OkJson();

        Assert.Equal(JsonValueKind.Null, body.GetProperty("explain").ValueKind);
    }

    [Fact]
    public async Task Explain_with_a_value_other_than_true_or_false_is_a_400()
    {
        await (await client.GetAsync("/api/ask?q=otp&explain=yes")).AssertBadRequestWithError();
    }
}
