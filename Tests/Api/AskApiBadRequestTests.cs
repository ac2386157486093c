namespace MagLearn.Tests.Api;

/// <summary>Input the ask API cannot answer gets a 400 with a JSON reason, never a 500.</summary>
[Collection(HostCollection.Name)]
public class AskApiBadRequestTests(MagLearnHost host)
{
    private readonly HttpClient client = host.CreateClient();

    /// <summary>GET query strings by what is wrong with them: (q, top), null meaning the parameter is left out.</summary>
    private static readonly Dictionary<string, (string? Q, string? Top)> BadQueries = new()
    {
        ["no q at all"] = (null, null),
        ["empty q"] = ("", null),
        ["blank q"] = ("   ", null),
        ["q of 2,001 characters"] = (new string('a', 2001), null),
        ["top not a number"] = ("pay an invoice", "three"),
        ["top a decimal"] = ("pay an invoice", "2.5"),
        ["top of zero"] = ("pay an invoice", "0"),
        ["top negative"] = ("pay an invoice", "-1"),
        ["top above ten"] = ("pay an invoice", "11"),
        ["top beyond int"] = ("pay an invoice", "99999999999999999999"),
    };

    /// <summary>POST bodies by what is wrong with them.</summary>
    private static readonly Dictionary<string, string> BadBodies = new()
    {
        ["not JSON"] = "pay an invoice",
        ["truncated JSON"] = "{\"text\": \"pay an invoice\"",
        ["empty body"] = "",
        ["JSON null"] = "null",
        ["JSON array"] = "[\"pay an invoice\"]",
        ["no text"] = "{\"top\": 3}",
        ["empty text"] = "{\"text\": \"\"}",
        ["blank text"] = "{\"text\": \" \\t \"}",
        ["text not a string"] = "{\"text\": 42}",
        ["text of 2,001 characters"] = "{\"text\": \"" + new string('a', 2001) + "\"}",
        ["top as text"] = "{\"text\": \"pay an invoice\", \"top\": \"three\"}",
        ["top a decimal"] = "{\"text\": \"pay an invoice\", \"top\": 2.5}",
        ["top of zero"] = "{\"text\": \"pay an invoice\", \"top\": 0}",
        ["top above ten"] = "{\"text\": \"pay an invoice\", \"top\": 11}",
    };

    public static TheoryData<string> BadQueryNames => new(BadQueries.Keys);

    public static TheoryData<string> BadBodyNames => new(BadBodies.Keys);

    [Theory]
    [MemberData(nameof(BadQueryNames))]
    public async Task A_bad_GET_gets_400_with_a_json_error(string problem)
    {
        var (q, top) = BadQueries[problem];

        await (await client.GetAsk(q, top)).AssertBadRequestWithError();
    }

    [Theory]
    [MemberData(nameof(BadBodyNames))]
    public async Task A_bad_POST_gets_400_with_a_json_error(string problem)
    {
        await (await client.PostRaw("/api/ask", BadBodies[problem])).AssertBadRequestWithError();
    }
}
