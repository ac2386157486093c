using MagLearn.Bot.Channels.Teams;

namespace MagLearn.Tests.Channels.Teams;

/// <summary>Our Markdown, rewritten into what Teams renders: HTML on cards, no headings or tables in messages.</summary>
public class TeamsTextTests
{
    [Theory]
    [InlineData("the **Login Using Company Credential** button", "the <b>Login Using Company Credential</b> button")]
    [InlineData("an *optional* step", "an <i>optional</i> step")]
    [InlineData("see [Login Assistance](https://bot.example.com/learn/login-assistance#forgot-password)", "see <a href=\"https://bot.example.com/learn/login-assistance#forgot-password\">Login Assistance</a>")]
    [InlineData("first line\n\nsecond line", "first line<br><br>second line")]
    [InlineData("5 * 3 < 20 & more", "5 * 3 &lt; 20 &amp; more")]
    public void Card_text_uses_the_html_teams_cards_accept(string markdown, string card)
    {
        Assert.Equal(card, TeamsText.ForCard(markdown));
    }

    [Fact]
    public void A_heading_in_a_message_becomes_a_bold_line()
    {
        Assert.Equal("**Paying an invoice**\nOpen Billing.", TeamsText.ForMessage("## Paying an invoice\nOpen Billing."));
    }

    [Fact]
    public void A_table_in_a_message_becomes_lines_of_cells()
    {
        var table = "| Method | Where |\n|---|---|\n| Card | Billing |";

        Assert.Equal("Method · Where\nCard · Billing", TeamsText.ForMessage(table));
    }

    [Fact]
    public void What_teams_renders_in_messages_is_left_alone()
    {
        var text = "**Bold**, *italic*, a list:\n\n1. one\n2. two\n\nRead more: [Billing](http://localhost/learn/billing-support#pay)";

        Assert.Equal(text, TeamsText.ForMessage(text));
    }
}
