using MagLearn.Knowledge.Content;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Content;

/// <summary>The repository's own Learn pages against the fixed page ids of the taxonomy.</summary>
public class LearnContentTests
{
    private static readonly LearnLibrary Library = LearnLibrary.LoadFolder(RepoPaths.LearnPages);

    /// <summary>The first table of the taxonomy: "| `page id` | title on the hub | what it covers |".</summary>
    private static readonly IReadOnlyList<(string Id, string Title)> Taxonomy = ReadTaxonomy();

    private static List<(string Id, string Title)> ReadTaxonomy()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "taxonomy.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| page id |", StringComparison.Ordinal));
        Assert.True(header >= 0, "taxonomy.md has no '| page id |' table");
        return lines.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (cells[1].Trim('`'), cells[2]))
            .ToList();
    }

    [Fact]
    public void Every_learn_page_loads_without_a_problem()
    {
        Assert.Empty(Library.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_taxonomy_table_is_read_whole()
    {
        Assert.Equal(16, Taxonomy.Count);
        Assert.All(Taxonomy, row => Assert.Equal(Slug.From(row.Id), row.Id));
    }

    [Fact]
    public void The_learn_pages_are_exactly_the_taxonomy_pages()
    {
        Assert.Equal(
            Taxonomy.Select(t => t.Id).Order(StringComparer.Ordinal),
            Library.Pages.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_page_is_titled_as_the_hub_names_it()
    {
        Assert.All(Taxonomy, row => Assert.Equal(row.Title, Library.Find(row.Id)?.Title));
    }

    [Fact]
    public void Each_page_file_is_named_for_its_page_id()
    {
        Assert.All(Library.Pages, page => Assert.Equal(page.Id, Path.GetFileNameWithoutExtension(page.SourceFile)));
    }

    [Fact]
    public void Each_page_has_a_summary_and_ways_people_ask_for_it()
    {
        Assert.All(Library.Pages, page =>
        {
            Assert.False(string.IsNullOrWhiteSpace(page.Summary), page.Id + " has no summary");
            Assert.NotEmpty(page.Phrasings);
        });
    }

    [Fact]
    public void Section_ids_are_slugs_unique_within_their_page()
    {
        Assert.All(Library.Pages, page =>
        {
            var ids = page.Passages.Select(p => p.SectionId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Equal(Slug.From(id), id));
        });
    }
}
