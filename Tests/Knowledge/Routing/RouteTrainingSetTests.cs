using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;

namespace MagLearn.Tests.Knowledge.Routing;

/// <summary>Which written phrasings teach the router "answer": the page's own flow decides.</summary>
public sealed class RouteTrainingSetTests : IDisposable
{
    private readonly DirectoryInfo content = Directory.CreateTempSubdirectory("maglearn-routing-");

    public void Dispose() => content.Delete(recursive: true);

    private static LearnPage Page(string id, string? flow, params string[] phrasings) =>
        new(id, id, "", phrasings, [new Passage(id, "one", "One", "text", "text")], id + ".md") { Flow = flow };

    private RouteTrainingSet Load(params LearnPage[] pages)
    {
        var flows = new[] { new SearchDocument(SearchDocument.FlowKind, "repair", "", "Repair", "", "", ["my widget is broken"]) };
        return RouteTrainingSet.Load(content.FullName, new LearnLibrary(pages, []), flows);
    }

    private static IEnumerable<string> Answers(RouteTrainingSet set) =>
        set.Written.Where(e => e.Label == RouteLabels.Answer).Select(e => e.Text);

    [Fact]
    public void On_a_page_no_flow_walks_every_phrasing_but_a_problem_is_a_question_to_answer()
    {
        var set = Load(Page("settings", flow: null, "edit my profile", "how do I change the colour", "my widget is locked"));

        Assert.Equal(["edit my profile", "how do I change the colour"], Answers(set));
    }

    [Fact]
    public void On_a_page_a_flow_walks_only_the_phrasings_that_ask_for_information_are()
    {
        var set = Load(Page("repairs", flow: "repair", "fix a broken widget", "how do I get it repaired", "how long does a repair take"));

        Assert.Equal(["how long does a repair take"], Answers(set));
    }

    [Fact]
    public void A_flows_triggers_teach_its_route()
    {
        var set = Load(Page("settings", flow: null, "edit my profile"));

        Assert.Contains(set.Written, e => e.Text == "my widget is broken" && e.Label == RouteLabels.Dialog("repair"));
    }
}
