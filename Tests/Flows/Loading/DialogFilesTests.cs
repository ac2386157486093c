using System.Text.RegularExpressions;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Flows.Support;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Flows.Loading;

/// <summary>The repository's own dialog files: they load, they are what the taxonomy names, and they index well.</summary>
public class DialogFilesTests
{
    private static readonly FlowCatalog Catalog = FlowPaths.Catalog;

    [Fact]
    public void The_five_taxonomy_flows_load_without_a_problem() =>
        Assert.Equal(
            ["change-request", "credential-purchase", "login-assistance", "organization-registration", "support-handoff"],
            Catalog.Flows.Select(f => f.Id).Order());

    [Fact]
    public void Each_flow_lives_in_a_file_named_for_its_id() =>
        Assert.All(Catalog.Flows, f => Assert.Equal(f.Id + ".yaml", Path.GetFileName(f.File)));

    [Fact]
    public void Each_dialog_file_points_editors_at_the_schema() =>
        Assert.All(Directory.GetFiles(RepoPaths.Dialogs, "*.yaml"),
            file => Assert.Equal("# yaml-language-server: $schema=./flow.schema.json", File.ReadLines(file).First()));

    [Fact]
    public void Each_flow_has_at_least_fifteen_distinct_trigger_phrasings() =>
        Assert.All(Catalog.Flows, f =>
        {
            Assert.True(f.Triggers.Count >= 15, $"{f.Id} has {f.Triggers.Count} triggers");
            Assert.Equal(f.Triggers.Count, f.Triggers.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });

    [Fact]
    public void The_catalog_gives_the_index_one_flow_document_per_flow()
    {
        var documents = Catalog.Documents().ToList();

        Assert.Equal(Catalog.Flows.Count, documents.Count);
        Assert.All(Catalog.Flows.Zip(documents), pair =>
        {
            var (flow, document) = pair;
            Assert.Equal(new SearchDocument(SearchDocument.FlowKind, flow.Id, "", flow.Title, "", flow.Description, flow.Triggers), document);
        });
    }

    [Fact]
    public void No_question_in_any_flow_asks_for_a_password_or_a_code()
    {
        var asking = new Regex(@"\b(what|enter|type|give|tell)\b[^.?]{0,40}\b(password|passcode|one.?time code|otp code|activation code|pin)\b", RegexOptions.IgnoreCase);
        var questions = Catalog.Flows.SelectMany(f => f.Steps.OfType<AskStep>().Select(s => $"{f.Id}/{s.Id}: {s.Text}"));
        Assert.DoesNotContain(questions, q => asking.IsMatch(q));
    }

    [Fact]
    public void Every_resolution_cites_a_learn_section()
    {
        var resolutions = Catalog.Flows.SelectMany(f => f.Steps).Where(s => s is EndStep or HandoffStep).ToList();
        Assert.NotEmpty(resolutions);
        Assert.All(resolutions, s => Assert.All(s.Cites(), cite => Assert.NotNull(DialogFolder.Learn.Find(cite.Page, cite.Section))));
    }
}
