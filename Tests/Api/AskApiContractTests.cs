using System.Text.Json;

namespace MagLearn.Tests.Api;

/// <summary>
/// The ask API's contract as the MAG portal's help box sees it, over real HTTP against the real host:
/// <c>{"route", "dialog", "confidence", "answers": [{"page", "section", "title", "url", "snippet", "score"}]}</c>.
/// </summary>
[Collection(HostCollection.Name)]
public class AskApiContractTests(MagLearnHost host)
{
    private const string BillingQuestion = "what payment methods are accepted for invoices";
    private const string OutOfScopeQuestion = "what's the capital of France";

    private readonly HttpClient client = host.CreateClient();

    private static IEnumerable<JsonElement> Answers(JsonElement body) => body.GetProperty("answers").EnumerateArray();

    [Fact]
    public async Task An_in_scope_question_over_GET_is_answered_from_the_billing_page()
    {
        var body = await (await client.GetAsk(BillingQuestion)).OkJson();

        Assert.Equal("answer", body.GetProperty("route").GetString());
        Assert.Contains("billing-support", Answers(body).Select(a => a.GetProperty("page").GetString()));
    }

    [Fact]
    public async Task An_in_scope_question_over_POST_is_answered_from_the_billing_page()
    {
        var body = await (await client.PostAsk(BillingQuestion)).OkJson();

        Assert.Equal("answer", body.GetProperty("route").GetString());
        Assert.Contains("billing-support", Answers(body).Select(a => a.GetProperty("page").GetString()));
    }

    [Fact]
    public async Task GET_and_POST_give_the_same_decision()
    {
        var got = await (await client.GetAsk(BillingQuestion, "4")).OkJson();
        var posted = await (await client.PostAsk(BillingQuestion, 4)).OkJson();

        Assert.Equal(got.GetRawText(), posted.GetRawText());
    }

    [Fact]
    public async Task An_out_of_scope_question_gets_the_fallback()
    {
        var body = await (await client.GetAsk(OutOfScopeQuestion)).OkJson();

        Assert.Equal("fallback", body.GetProperty("route").GetString());
    }

    [Theory]
    [InlineData(BillingQuestion)]
    [InlineData(OutOfScopeQuestion)]
    [InlineData("who won the football game last night")]
    [InlineData("hi")]
    public async Task The_response_has_route_dialog_confidence_and_answers(string question)
    {
        var body = await (await client.GetAsk(question)).OkJson();

        Assert.Contains(body.GetProperty("route").GetString(), new[] { "answer", "dialog", "fallback" });
        var dialog = body.GetProperty("dialog");
        Assert.Equal(body.GetProperty("route").GetString() == "dialog" ? JsonValueKind.String : JsonValueKind.Null, dialog.ValueKind);
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("answers").ValueKind);
    }

    [Fact]
    public async Task Each_answer_has_page_section_title_url_snippet_and_score()
    {
        var body = await (await client.GetAsk(BillingQuestion, "5")).OkJson();

        Assert.NotEmpty(Answers(body));
        Assert.All(Answers(body), answer =>
        {
            foreach (var field in new[] { "page", "section", "title", "url" })
            {
                Assert.Equal(JsonValueKind.String, answer.GetProperty(field).ValueKind);
                Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty(field).GetString()), field + " is empty");
            }
            Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("snippet").GetProperty("text").GetString()), "snippet text is empty");
            Assert.Equal(JsonValueKind.Array, answer.GetProperty("snippet").GetProperty("highlights").ValueKind);
            Assert.Equal(JsonValueKind.Number, answer.GetProperty("score").ValueKind);
        });
    }

    [Fact]
    public async Task Each_answer_url_points_at_its_learn_page_section()
    {
        var body = await (await client.GetAsk(BillingQuestion, "5")).OkJson();

        Assert.All(Answers(body), a => Assert.Equal(
            $"/learn/{a.GetProperty("page").GetString()}#{a.GetProperty("section").GetString()}",
            a.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task Answers_come_best_first_with_scores_in_0_to_1()
    {
        var body = await (await client.GetAsk(BillingQuestion, "10")).OkJson();
        var scores = Answers(body).Select(a => a.GetProperty("score").GetDouble()).ToList();

        Assert.True(scores.Count > 1);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public async Task Top_caps_the_number_of_answers(int top)
    {
        var body = await (await client.GetAsk(BillingQuestion, top.ToString())).OkJson();

        Assert.InRange(Answers(body).Count(), 1, top);
    }

    [Fact]
    public async Task Top_of_one_gives_exactly_the_best_answer()
    {
        var best = Answers(await (await client.GetAsk(BillingQuestion, "5")).OkJson()).First();
        var only = Assert.Single(Answers(await (await client.PostAsk(BillingQuestion, 1)).OkJson()));

        Assert.Equal(best.GetProperty("url").GetString(), only.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_question_of_exactly_2000_characters_is_accepted()
    {
        var question = string.Concat(Enumerable.Repeat("invoice ", 250));

        Assert.Equal(2000, question.Length);
        await (await client.PostAsk(question)).OkJson();
    }

    [Fact]
    public async Task The_snippet_is_plain_text_with_the_offsets_of_the_words_that_matched()
    {
        var snippet = Answers(await (await client.GetAsk(BillingQuestion)).OkJson()).First().GetProperty("snippet");

        var text = snippet.GetProperty("text").GetString()!;
        var marked = snippet.GetProperty("highlights").EnumerateArray()
            .Select(h => text.Substring(h.GetProperty("start").GetInt32(), h.GetProperty("length").GetInt32()).ToLowerInvariant())
            .ToList();
        Assert.DoesNotContain("**", text);
        Assert.Contains(marked, m => m.StartsWith("pay") || m.StartsWith("invoice"));
    }
}
