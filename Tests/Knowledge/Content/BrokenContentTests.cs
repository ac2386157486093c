using MagLearn.Knowledge.Content;

namespace MagLearn.Tests.Knowledge.Content;

/// <summary>One bad edit never takes the help site down: the broken file is named with its reason, the rest load.</summary>
public class BrokenContentTests
{
    private const string GoodPage = "---\nid: good-page\ntitle: Good\n---\n\n## Fine section {#fine}\n\nAll is well.\n";

    private const string BadYaml = "---\nid: bad-yaml\ntitle: [never closed\n---\n\n## Section\n\nText.\n";
    private const string NoSections = "---\nid: no-sections\ntitle: Empty\n---\n\nJust an introduction, no sections.\n";
    private const string DuplicateSection = "---\nid: twice\ntitle: Twice\n---\n\n## One {#same}\n\nA.\n\n## Two {#same}\n\nB.\n";
    private const string NoId = "---\ntitle: Nameless\n---\n\n## Section\n\nText.\n";
    private const string BadHtml = "<html><body><h1>Only a title</h1><p>No sections here.</p></body></html>";

    private static LearnLibrary LoadWithGoodPage(string file, string text) =>
        TinyLearn.Library(("learn/good-page.md", GoodPage), (file, text));

    private static ContentProblem OnlyProblem(LearnLibrary library) => Assert.Single(library.Problems);

    [Fact]
    public void Invalid_yaml_front_matter_is_reported_by_file_and_reason()
    {
        var problem = OnlyProblem(LoadWithGoodPage("learn/bad-yaml.md", BadYaml));

        Assert.Equal("learn/bad-yaml.md", problem.File);
        Assert.Contains("front matter is not valid YAML", problem.Reason);
    }

    [Fact]
    public void A_page_without_sections_is_reported_by_file_and_reason()
    {
        var problem = OnlyProblem(LoadWithGoodPage("learn/no-sections.md", NoSections));

        Assert.Equal("learn/no-sections.md", problem.File);
        Assert.Contains("no '## ' sections", problem.Reason);
    }

    [Fact]
    public void A_section_id_used_twice_on_a_page_is_reported_with_the_id()
    {
        var problem = OnlyProblem(LoadWithGoodPage("learn/twice.md", DuplicateSection));

        Assert.Equal("learn/twice.md", problem.File);
        Assert.Contains("section id 'same' is used twice", problem.Reason);
    }

    [Fact]
    public void Front_matter_without_an_id_is_reported()
    {
        var problem = OnlyProblem(LoadWithGoodPage("learn/nameless.md", NoId));

        Assert.Equal("learn/nameless.md", problem.File);
        Assert.Contains("no 'id'", problem.Reason);
    }

    [Fact]
    public void An_html_page_without_h2_sections_is_reported()
    {
        var problem = OnlyProblem(LoadWithGoodPage("learn/saved.html", BadHtml));

        Assert.Equal("learn/saved.html", problem.File);
        Assert.Contains("no <h2> sections", problem.Reason);
    }

    [Fact]
    public void A_page_id_already_used_by_another_file_is_reported_naming_both_files()
    {
        var library = LoadWithGoodPage("learn/copy-of-good.md", GoodPage);

        var problem = OnlyProblem(library);
        Assert.Equal("learn/copy-of-good.md", problem.File);
        Assert.Contains("page id 'good-page' is already used by learn/good-page.md", problem.Reason);
    }

    [Fact]
    public void A_page_id_used_twice_keeps_the_first_file()
    {
        var library = LoadWithGoodPage("learn/copy-of-good.md", GoodPage.Replace("All is well.", "The copy."));

        Assert.Equal("learn/good-page.md", Assert.Single(library.Pages).SourceFile);
    }

    [Theory]
    [InlineData("bad-yaml.md", BadYaml)]
    [InlineData("no-sections.md", NoSections)]
    [InlineData("twice.md", DuplicateSection)]
    [InlineData("nameless.md", NoId)]
    [InlineData("saved.html", BadHtml)]
    public void The_other_pages_still_load_beside_a_broken_one(string file, string text)
    {
        var library = LoadWithGoodPage("learn/" + file, text);

        Assert.Equal("good-page", Assert.Single(library.Pages).Id);
        Assert.NotNull(library.Find("good-page", "fine"));
    }

    [Fact]
    public void A_content_folder_with_broken_files_reports_each_by_path_and_loads_the_rest()
    {
        var folder = Directory.CreateTempSubdirectory("maglearn-broken-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good-page.md"), GoodPage);
            File.WriteAllText(Path.Combine(folder, "bad-yaml.md"), BadYaml);
            File.WriteAllText(Path.Combine(folder, "no-sections.md"), NoSections);
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a page, not read");

            var library = LearnLibrary.LoadFolder(folder);

            Assert.Equal("good-page", Assert.Single(library.Pages).Id);
            Assert.Equal(
                [Path.Combine(folder, "bad-yaml.md"), Path.Combine(folder, "no-sections.md")],
                library.Problems.Select(p => p.File).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_content_folder_is_a_problem_not_an_exception()
    {
        var missing = Path.Combine(Path.GetTempPath(), "maglearn-missing-" + Guid.NewGuid().ToString("N"));

        var library = LearnLibrary.LoadFolder(missing);

        Assert.Empty(library.Pages);
        Assert.Equal(missing, Assert.Single(library.Problems).File);
    }
}
