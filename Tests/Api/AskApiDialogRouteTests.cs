using MagLearn.Knowledge.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace MagLearn.Tests.Api;

/// <summary>
/// The "dialog" route of the ask API, with a flow put into the index through the seam the flows use
/// (<see cref="ISearchDocumentSource"/>), so the contract is pinned whatever flows the repository has.
/// </summary>
public sealed class AskApiDialogRouteTests : IClassFixture<AskApiDialogRouteTests.HostWithQuokkaFlow>
{
    public sealed class HostWithQuokkaFlow : MagLearnHost
    {
        public Mock<ISearchDocumentSource> Flows { get; } = new();

        public HostWithQuokkaFlow()
        {
            Flows.Setup(f => f.Documents()).Returns(
            [
                new SearchDocument(SearchDocument.FlowKind, "quokka-care", "", "Quokka care", "Caring for a quokka",
                    "Walks a person through looking after a sick quokka.",
                    ["my quokka is sick", "I need help with my quokka", "quokka will not eat"]),
            ]);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(Flows.Object));
        }
    }

    private readonly HttpClient client;

    public AskApiDialogRouteTests(HostWithQuokkaFlow host) => client = host.CreateClient();

    [Fact]
    public async Task A_problem_a_flow_handles_gets_route_dialog_with_the_flow_id()
    {
        var body = await (await client.GetAsk("help, my quokka is sick")).OkJson();

        Assert.Equal("dialog", body.GetProperty("route").GetString());
        Assert.Equal("quokka-care", body.GetProperty("dialog").GetString());
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task The_flow_from_the_source_is_in_the_index_beside_the_ones_from_the_dialog_files()
    {
        var body = await (await client.GetAsync("/api/ask?explain=true&q=" + Uri.EscapeDataString("our quokka will not eat"))).OkJson();

        var byWords = body.GetProperty("explain").GetProperty("lexicalFlows").EnumerateArray().First();
        Assert.Equal("quokka-care", byWords.GetProperty("owner").GetString());
        var byMeaning = body.GetProperty("explain").GetProperty("nearestTriggers").EnumerateArray().ToList();
        Assert.Equal(("quokka-care", "quokka will not eat"), (byMeaning[0].GetProperty("owner").GetString(), byMeaning[0].GetProperty("text").GetString()));
        Assert.Contains(byMeaning, t => t.GetProperty("owner").GetString() == "login-assistance");
    }

    [Fact]
    public async Task A_question_for_information_is_still_answered_from_the_learn_pages()
    {
        var body = await (await client.PostAsk("what payment methods are accepted for invoices")).OkJson();

        Assert.Equal("answer", body.GetProperty("route").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("dialog").ValueKind);
    }
}
