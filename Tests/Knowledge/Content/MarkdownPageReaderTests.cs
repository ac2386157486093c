using MagLearn.Knowledge.Content;

namespace MagLearn.Tests.Knowledge.Content;

public class MarkdownPageReaderTests
{
    private const string WidgetPage = """
        ---
        id: widget-help
        title: Widget Help
        summary: How to start and stop a widget.
        phrasings:
          - my widget will not start
          - how do I switch the widget off
        ---

        Widgets are small machines. This page explains them.

        ## Starting a widget {#start}

        Press the **green** button and wait for the [status light](https://example.com/light).

        ## Stopping a Widget: the Red Button

        Press the red button.
        - Hold it for two seconds.
        - Let go.
        """;

    private static LearnPage Read() => MarkdownPageReader.Read(WidgetPage, "/content/learn/widget-help.md");

    [Fact]
    public void Front_matter_gives_the_page_its_id_title_and_summary()
    {
        var page = Read();

        Assert.Equal("widget-help", page.Id);
        Assert.Equal("Widget Help", page.Title);
        Assert.Equal("How to start and stop a widget.", page.Summary);
    }

    [Fact]
    public void A_page_names_no_flow_unless_its_front_matter_does()
    {
        Assert.Null(Read().Flow);

        var walked = MarkdownPageReader.Read(WidgetPage.Replace("summary: How", "flow: widget-repair\nsummary: How"), "/content/learn/widget-help.md");

        Assert.Equal("widget-repair", walked.Flow);
    }

    [Fact]
    public void A_flow_id_that_is_not_an_id_is_refused_with_its_line()
    {
        var error = Assert.Throws<PageFormatException>(() =>
            MarkdownPageReader.Read(WidgetPage.Replace("summary: How", "flow: Widget Repair\nsummary: How"), "/content/learn/widget-help.md"));

        Assert.Equal(1, error.Line);
        Assert.Contains("line 1: flow id 'Widget Repair'", error.Message);
    }

    [Fact]
    public void Front_matter_phrasings_are_kept_as_the_ways_people_ask()
    {
        Assert.Equal(["my widget will not start", "how do I switch the widget off"], Read().Phrasings);
    }

    [Fact]
    public void Each_level_two_heading_starts_a_passage()
    {
        Assert.Equal(["Starting a widget", "Stopping a Widget: the Red Button"], Read().Passages.Select(p => p.Heading));
    }

    [Fact]
    public void A_heading_with_an_explicit_id_keeps_that_id()
    {
        Assert.Equal("start", Read().Passages[0].SectionId);
    }

    [Fact]
    public void A_heading_without_an_id_gets_a_slug_of_its_words()
    {
        Assert.Equal("stopping-a-widget-the-red-button", Read().Passages[1].SectionId);
    }

    [Fact]
    public void A_passage_runs_from_its_heading_to_the_next_one()
    {
        var start = Read().Passages[0];

        Assert.Contains("green", start.Text);
        Assert.DoesNotContain("red button", start.Text);
    }

    [Fact]
    public void A_passage_keeps_its_markdown_for_the_chat_and_plain_text_for_the_index()
    {
        var start = Read().Passages[0];

        Assert.Contains("**green**", start.Markdown);
        Assert.Contains("[status light](https://example.com/light)", start.Markdown);
        Assert.DoesNotContain("**", start.Text);
        Assert.DoesNotContain("](", start.Text);
        Assert.Contains("green button", start.Text);
    }

    [Fact]
    public void Every_passage_knows_the_page_it_belongs_to()
    {
        Assert.All(Read().Passages, p => Assert.Equal("widget-help", p.PageId));
    }

    [Fact]
    public void A_list_inside_a_section_stays_in_that_passage()
    {
        var stop = Read().Passages[1];

        Assert.Contains("Hold it for two seconds.", stop.Text);
        Assert.Contains("Let go.", stop.Text);
    }

    [Fact]
    public void Without_front_matter_the_page_id_comes_from_the_file_name_and_the_title_from_the_h1()
    {
        var page = MarkdownPageReader.Read("# Token Help\n\n## Resync {#resync}\n\nPress twice.\n", "/x/Token Help.md");

        Assert.Equal("token-help", page.Id);
        Assert.Equal("Token Help", page.Title);
    }
}
