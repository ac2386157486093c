using MagLearn.Knowledge.Content;

namespace MagLearn.Tests.Knowledge.Content;

/// <summary>A page saved from the live Learn site, which is HTML.</summary>
public class HtmlPageReaderTests
{
    private const string SavedPage = """
        <!doctype html>
        <html><head><title>Tokens | Exostar</title><meta name="description" content="All about tokens."></head>
        <body>
          <nav><h2>Site menu</h2></nav>
          <main>
            <h1>Token Help</h1>
            <p>Tokens make logins safer.</p>
            <h2 id="resync">Resyncing a token</h2>
            <p>Press the button   twice
               and enter both codes.</p>
            <ul><li>First code</li><li>Second <b>code</b></li></ul>
            <h2>Buying a New Token</h2>
            <p>Use the Web Store.</p>
          </main>
        </body></html>
        """;

    private static LearnPage Read() => HtmlPageReader.Read(SavedPage, "/content/learn/token-help.html");

    [Fact]
    public void The_h1_is_the_page_title()
    {
        Assert.Equal("Token Help", Read().Title);
    }

    [Fact]
    public void The_page_id_comes_from_the_file_name()
    {
        Assert.Equal("token-help", Read().Id);
    }

    [Fact]
    public void A_learn_page_id_meta_tag_names_the_page()
    {
        var html = SavedPage.Replace("<head>", "<head><meta name=\"learn-page-id\" content=\"otp-tokens\">");

        Assert.Equal("otp-tokens", HtmlPageReader.Read(html, "/content/learn/saved.html").Id);
    }

    [Fact]
    public void The_description_meta_tag_is_the_summary()
    {
        Assert.Equal("All about tokens.", Read().Summary);
    }

    [Fact]
    public void Each_h2_inside_main_starts_a_passage_and_the_site_menu_is_left_out()
    {
        Assert.Equal(["Resyncing a token", "Buying a New Token"], Read().Passages.Select(p => p.Heading));
    }

    [Fact]
    public void An_h2_with_an_id_keeps_that_id()
    {
        Assert.Equal("resync", Read().Passages[0].SectionId);
    }

    [Fact]
    public void An_h2_without_an_id_gets_a_slug_of_its_words()
    {
        Assert.Equal("buying-a-new-token", Read().Passages[1].SectionId);
    }

    [Fact]
    public void A_passage_text_has_its_whitespace_collapsed()
    {
        Assert.Contains("Press the button twice and enter both codes.", Read().Passages[0].Text);
    }

    [Fact]
    public void A_list_becomes_one_line_per_item()
    {
        var lines = Read().Passages[0].Text.Split('\n');

        Assert.Contains("- First code", lines);
        Assert.Contains("- Second code", lines);
    }

    [Fact]
    public void A_passage_stops_at_the_next_h2()
    {
        Assert.DoesNotContain("Web Store", Read().Passages[0].Text);
        Assert.Contains("Web Store", Read().Passages[1].Text);
    }

    [Fact]
    public void An_html_file_in_a_library_is_read_as_html()
    {
        var library = LearnLibrary.Load([("/content/learn/token-help.html", () => SavedPage)]);

        Assert.Empty(library.Problems);
        Assert.Equal("Token Help", library.Pages.Single().Title);
    }
}
