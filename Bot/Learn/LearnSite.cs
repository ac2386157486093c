using System.Net;
using System.Text;
using MagLearn.Bot.Headers;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Content;
using Markdig;

namespace MagLearn.Bot.Learn;

/// <summary>
/// The Learn pages as HTML at <c>/learn/{pageId}</c>, each section under its <c>#sectionId</c> anchor, so the
/// "Read more" links in answers open the exact passage.
/// </summary>
public static class LearnSite
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    public static IEndpointRouteBuilder MapLearnSite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/learn", (KnowledgeBase knowledge, HttpResponse response) => Html(response, Index(knowledge.Current.Library)));
        app.MapGet("/learn/{pageId}", (string pageId, KnowledgeBase knowledge, HttpResponse response) =>
            knowledge.Current.Library.Find(pageId) is { } page
                ? Html(response, Page(page))
                : Html(response, Layout("Page not found", $"<h1>Page not found</h1><p>There is no Learn page <code>{E(pageId)}</code>. <a href=\"/learn\">All Learn pages</a></p>"), 404));
        return app;
    }

    private static IResult Html(HttpResponse response, string html, int status = 200)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    internal static string Page(LearnPage page)
    {
        var body = new StringBuilder();
        body.Append($"<p class=\"crumbs\"><a href=\"/learn\">Learn - MAG</a></p><h1>{E(page.Title)}</h1>");
        if (page.Summary.Length > 0) body.Append($"<p class=\"summary\">{E(page.Summary)}</p>");
        body.Append("<nav><ul>");
        foreach (var p in page.Passages) body.Append($"<li><a href=\"#{E(p.SectionId)}\">{E(p.Heading)}</a></li>");
        body.Append("</ul></nav>");
        foreach (var p in page.Passages)
            body.Append($"<section><h2 id=\"{E(p.SectionId)}\">{E(p.Heading)}</h2>{Markdown.ToHtml(p.Markdown, Pipeline)}</section>");
        return Layout(page.Title, body.ToString());
    }

    private static string Index(LearnLibrary library)
    {
        var items = string.Concat(library.Pages.OrderBy(p => p.Id == "learn" ? "" : p.Title)
            .Select(p => $"<li><a href=\"/learn/{E(p.Id)}\">{E(p.Title)}</a> <span>{E(p.Summary)}</span></li>"));
        return Layout("Learn - MAG", $"<h1>Learn - MAG</h1><ul class=\"pages\">{items}</ul>");
    }

    private static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} | MAG Learn</title>
        <style>{{Css}}</style></head>
        <body>{{body}}</body></html>
        """;

    /// <summary>The pages' one style block: the page's policy allows it by its hash, and no other style or any script.</summary>
    private const string Css = """
          body { font-family: "Segoe UI", Arial, sans-serif; max-width: 52rem; margin: 0 auto; padding: 1.5rem; color: #1f2a37; line-height: 1.55; }
          h1 { color: #0b3d6e; } h2 { color: #0b3d6e; border-top: 1px solid #d8e0ea; padding-top: 1rem; scroll-margin-top: 1rem; }
          a { color: #0a5ea8; } .crumbs { font-size: .9rem; } .summary { font-size: 1.1rem; }
          section:target { background: #fff8db; outline: .5rem solid #fff8db; }
          table { border-collapse: collapse; } td, th { border: 1px solid #d8e0ea; padding: .3rem .6rem; }
          ul.pages span { color: #4b5563; display: block; font-size: .9rem; margin-bottom: .6rem; }
        """;

    /// <summary>Learn pages run nothing and load nothing but their own style and this host's images.</summary>
    private static readonly string Policy = "default-src 'none'; style-src " + SecurityHeaders.StyleHash(Css) +
        "; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
