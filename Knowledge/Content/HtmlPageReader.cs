using AngleSharp.Html.Parser;
using AngleSharp.Dom;

namespace MagLearn.Knowledge.Content;

/// <summary>
/// Reads a Learn page saved from the live help site (HTML): the <c>h1</c> is the title, each <c>h2</c> starts a
/// section (its <c>id</c> attribute, or a slug of its text, is the section id), and the page id comes from
/// <c>&lt;meta name="learn-page-id"&gt;</c> or else the file name.
/// </summary>
public static class HtmlPageReader
{
    public static LearnPage Read(string html, string sourceFile)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body;
        if (root is null) throw new FormatException("the HTML has no body");

        var id = document.QuerySelector("meta[name=learn-page-id]")?.GetAttribute("content")
                 ?? Slug.From(Path.GetFileNameWithoutExtension(sourceFile));
        var title = Normalize(root.QuerySelector("h1")?.TextContent ?? document.Title ?? "");
        if (string.IsNullOrWhiteSpace(title)) throw new FormatException("the page has no <h1> or <title>");
        var summary = document.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "";

        var passages = new List<Passage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h2 in root.QuerySelectorAll("h2"))
        {
            var heading = Normalize(h2.TextContent);
            var sectionId = h2.Id is { Length: > 0 } explicitId ? explicitId : Slug.From(heading);
            if (!seen.Add(sectionId)) throw new FormatException($"section id '{sectionId}' is used twice on this page");
            var text = string.Join("\n", FollowingUntilNextHeading(h2).Select(TextOf).Where(t => t.Length > 0));
            passages.Add(new Passage(id, sectionId, heading, text, text));
        }
        if (passages.Count == 0) throw new FormatException("the page has no <h2> sections, so there is nothing to answer with");
        return new LearnPage(id, title, summary, [], passages, sourceFile);
    }

    private static IEnumerable<IElement> FollowingUntilNextHeading(IElement heading)
    {
        for (var next = heading.NextElementSibling; next is not null; next = next.NextElementSibling)
        {
            if (next.LocalName is "h1" or "h2") yield break;
            yield return next;
        }
    }

    private static string TextOf(IElement element) => element.LocalName switch
    {
        "ul" or "ol" => string.Join("\n", element.QuerySelectorAll("li").Select(li => "- " + Normalize(li.TextContent))),
        _ => Normalize(element.TextContent),
    };

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
