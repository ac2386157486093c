using System.Text.RegularExpressions;

namespace MagLearn.Bot.Channels.Teams;

/// <summary>
/// Our replies are written in the Markdown Web Chat renders; Teams renders less. Hero card text takes no Markdown at
/// all (a small set of HTML tags instead), and message text has no headings or tables. This rewrites what Teams
/// would show as raw symbols; what Teams renders (bold, italics, lists, links in messages) is left alone.
/// </summary>
public static partial class TeamsText
{
    /// <summary>Card text: bold, italics and links as the HTML tags Teams' cards accept, line breaks as &lt;br&gt;.</summary>
    public static string ForCard(string markdown)
    {
        var text = System.Net.WebUtility.HtmlEncode(markdown);
        text = Link().Replace(text, m => $"<a href=\"{m.Groups["url"].Value}\">{m.Groups["text"].Value}</a>");
        text = Bold().Replace(text, "<b>$1</b>");
        text = Italic().Replace(text, "$1<i>$2</i>");
        return text.Replace("\r\n", "\n").Replace("\n", "<br>");
    }

    /// <summary>Message text: headings become bold lines, table rows become plain lines of cells.</summary>
    public static string ForMessage(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n').Where(l => !TableRule().IsMatch(l));
        return string.Join("\n", lines.Select(line =>
            Heading().Match(line) is { Success: true } h ? $"**{h.Groups[1].Value.Trim()}**"
            : TableRow().IsMatch(line) ? string.Join(" · ", line.Trim().Trim('|').Split('|').Select(c => c.Trim()))
            : line));
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\w)")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();
}
