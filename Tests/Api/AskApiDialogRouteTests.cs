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

    private readonly HostWithQuokkaFlow host;
    private readonly HttpClient client;

    public AskApiDialogRouteTests(HostWithQuokkaFlow host)
    {
        this.host = host;
        client = host.CreateClient();
    }

    [Fact]
    public async Task A_problem_a_flow_handles_gets_route_dialog_with_the_flow_id()
    {
        var body = await (await client.GetAsk("help, my quokka is sick")).OkJson();

        Assert.Equal("dialog", body.GetProperty("route").GetString());
        Assert.Equal("quokka-care", body.GetProperty("dialog").GetString());
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task The_flow_documents_are_read_from_the_source_when_the_index_is_built()
    {
        await client.GetAsk("my quokka is sick");

        host.Flows.Verify(f => f.Documents(), Times.AtLeastOnce());
    }

    [Fact]
    public async Task A_question_for_information_is_still_answered_from_the_learn_pages()
    {
        var body = await (await client.PostAsk("what payment methods are accepted for invoices")).OkJson();

        Assert.Equal("answer", body.GetProperty("route").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("dialog").ValueKind);
    }
}
