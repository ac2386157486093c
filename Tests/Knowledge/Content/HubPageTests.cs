using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Content;

/// <summary>The Learn hub's own export, read exactly as it was saved from the live site.</summary>
public class HubPageTests
{
    private static readonly string HubFile = Path.Combine(RepoPaths.Shared, "seed", "learn-mag.md");

    private static LearnPage Hub() => LearnLibrary.ReadPage(HubFile, File.ReadAllText(HubFile));

    [Fact]
    public void The_hub_export_loads_without_a_problem()
    {
        var library = LearnLibrary.Load([(HubFile, () => File.ReadAllText(HubFile))]);

        Assert.Empty(library.Problems);
        Assert.Single(library.Pages);
    }

    [Fact]
    public void The_hub_is_titled_from_its_h1()
    {
        Assert.Equal("Learn - MAG", Hub().Title);
    }

    [Fact]
    public void The_hub_id_comes_from_its_file_name()
    {
        Assert.Equal("learn-mag", Hub().Id);
    }

    [Fact]
    public void The_hub_has_its_eight_help_areas_as_passages()
    {
        Assert.Equal(
            [
                "Live Training Registration", "Role-Based Assistance", "Organization Registration",
                "Registration, First Login and Troubleshooting", "Credentials and Other Purchasable Products",
                "Billing and Support", "Change Requests", "Account Information",
            ],
            Hub().Passages.Select(p => p.Heading));
    }

    [Fact]
    public void The_hub_sections_get_slugs_of_their_headings()
    {
        var ids = Hub().Passages.Select(p => p.SectionId).ToList();

        Assert.Contains("live-training-registration", ids);
        Assert.Contains("registration-first-login-and-troubleshooting", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_hub_passage_keeps_the_names_of_the_pages_it_links_to()
    {
        var roles = Hub().Passages.Single(p => p.Heading == "Role-Based Assistance");

        Assert.Contains("Organization Stewards", roles.Text);
        Assert.Contains("Service Provider Administrators", roles.Text);
    }

    [Fact]
    public void The_hub_answers_a_question_once_indexed()
    {
        var library = LearnLibrary.Load([(HubFile, () => File.ReadAllText(HubFile))]);
        var search = new QuestionSearch(KnowledgeIndex.Build(library, TinyLearn.RealLanguage));

        var best = search.Search("how do I sign up for the monthly webex administrator course", 3).Hits[0];

        Assert.Equal(("learn-mag", "live-training-registration"), (best.PageId, best.SectionId));
    }
}
