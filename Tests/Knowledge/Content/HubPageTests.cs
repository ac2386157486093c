using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Content;

/// <summary>
/// The Learn hub: the repository's own page (content/learn/learn.md), and a page in the shape the live Learn site
/// exports (no front matter, an h1 title, one h2 per help area with a list of links), which loads too.
/// </summary>
public class HubPageTests
{
    private static readonly string HubFile = Path.Combine(RepoPaths.LearnPages, "learn.md");

    /// <summary>An export's shape, in our own words: what a page saved from the live site looks like.</summary>
    private const string Export = """


        # Learn - Example Portal

        ## Live Training Registration

        Sign up below for the monthly one-hour course for new administrators; the invitation comes by WebEx.

        - [Register for Administrator Training](#)

        ## Role-Based Assistance

        Pick your role for its tasks, step by step.

        - [Organization Stewards](#)
        - [Service Provider Administrators](#)

        ## Registration, First Login and Troubleshooting

        Help with a new account, the first login and a forgotten user ID or password.
        """;

    private const string ExportFile = "/content/learn/learn-example.md";

    private static LearnPage Exported() => LearnLibrary.ReadPage(ExportFile, Export);

    [Fact]
    public void The_repositorys_hub_is_the_learn_page_of_the_taxonomy_and_loads_cleanly()
    {
        var library = LearnLibrary.Load([(HubFile, () => File.ReadAllText(HubFile))]);

        Assert.Empty(library.Problems);
        Assert.Equal("learn", Assert.Single(library.Pages).Id);
        Assert.Equal("Learn - MAG", library.Pages[0].Title);
    }

    [Fact]
    public void The_repositorys_hub_points_to_each_help_area()
    {
        var headings = LearnLibrary.ReadPage(HubFile, File.ReadAllText(HubFile)).Passages.Select(p => p.Heading).ToList();

        foreach (var area in new[] { "logging in", "registering your organization", "role", "credentials", "billing", "company or account details", "account information", "training" })
            Assert.Contains(headings, h => h.Contains(area, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_exported_page_is_titled_from_its_h1_and_named_by_its_file()
    {
        var page = Exported();

        Assert.Equal("Learn - Example Portal", page.Title);
        Assert.Equal("learn-example", page.Id);
    }

    [Fact]
    public void An_exported_page_has_its_help_areas_as_passages_with_slugs_of_their_headings()
    {
        var page = Exported();

        Assert.Equal(["Live Training Registration", "Role-Based Assistance", "Registration, First Login and Troubleshooting"], page.Passages.Select(p => p.Heading));
        Assert.Equal(["live-training-registration", "role-based-assistance", "registration-first-login-and-troubleshooting"], page.Passages.Select(p => p.SectionId));
    }

    [Fact]
    public void An_exported_passage_keeps_the_names_of_the_pages_it_links_to()
    {
        var roles = Exported().Passages.Single(p => p.Heading == "Role-Based Assistance");

        Assert.Contains("Organization Stewards", roles.Text);
        Assert.Contains("Service Provider Administrators", roles.Text);
    }

    [Fact]
    public void An_exported_page_answers_a_question_once_indexed()
    {
        var library = LearnLibrary.Load([(ExportFile, () => Export)]);
        var search = new QuestionSearch(KnowledgeIndex.Build(library, TinyLearn.RealLanguage));

        var best = search.Search("how do I sign up for the monthly webex administrator course", 3).Hits[0];

        Assert.Equal(("learn-example", "live-training-registration"), (best.PageId, best.SectionId));
    }
}
