using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MagLearn.Knowledge.Content;

/// <summary>
/// Reads a Learn page written in Markdown. Two shapes are accepted: our content files (YAML front matter with id,
/// title, summary and phrasings; <c>## Heading {#section-id}</c> sections) and the Learn hub's own export
/// (no front matter: the <c># Title</c> names the page and the file name gives its id).
/// </summary>
public static class MarkdownPageReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseGenericAttributes()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static LearnPage Read(string markdown, string sourceFile)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var front = ReadFrontMatter(document, markdown, sourceFile);

        string? title = front?.Title;
        var intro = new List<Block>();
        var sections = new List<(HeadingBlock Heading, List<Block> Body)>();
        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock:
                    continue;
                case HeadingBlock { Level: 1 } h1 when sections.Count == 0:
                    title ??= InlineText(h1.Inline);
                    continue;
                case HeadingBlock { Level: 2 } h2:
                    sections.Add((h2, new List<Block>()));
                    continue;
            }
            if (sections.Count == 0) intro.Add(block);
            else sections[^1].Body.Add(block);
        }

        var id = front?.Id ?? Slug.From(Path.GetFileNameWithoutExtension(sourceFile));
        if (string.IsNullOrWhiteSpace(title))
            throw new FormatException("the page has no title (front matter 'title' or a '# Title' line)");
        if (sections.Count == 0)
            throw new FormatException("the page has no '## ' sections, so there is nothing to answer with");

        var passages = new List<Passage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (heading, body) in sections)
        {
            var headingText = InlineText(heading.Inline).Trim();
            var sectionId = heading.GetAttributes().Id ?? Slug.From(headingText);
            if (!seen.Add(sectionId))
                throw new PageFormatException(heading.Line + 1, $"section id '{sectionId}' is used twice on this page");
            var bodyMarkdown = Slice(markdown, body).Trim();
            passages.Add(new Passage(id, sectionId, headingText, bodyMarkdown, ToPlainText(bodyMarkdown)));
        }

        var summary = front?.Summary ?? ToPlainText(Slice(markdown, intro)).Trim();
        return new LearnPage(id, title.Trim(), summary, front?.Phrasings ?? [], passages, sourceFile)
        {
            Weight = front?.Weight ?? 1.0,
            Flow = front?.Flow,
        };
    }

    /// <summary>Markdown rendered to plain text, for the index and for snippets.</summary>
    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown, Pipeline).Replace("\r", "").Trim();

    private static FrontMatter? ReadFrontMatter(MarkdownDocument document, string markdown, string sourceFile)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null) return null;
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
        FrontMatter? front;
        try
        {
            front = Yaml.Deserialize<FrontMatter>(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new PageFormatException((int)e.Start.Line + 1, $"the front matter is not valid YAML ({e.InnerException?.Message ?? e.Message})");
        }
        if (front is null || string.IsNullOrWhiteSpace(front.Id))
            throw new PageFormatException(1, "the front matter has no 'id'");
        if (front.Weight is <= 0 or > 2)
            throw new PageFormatException(1, "'weight' must be above 0 and at most 2");
        if (front.Flow is not null && front.Flow != Slug.From(front.Flow))
            throw new PageFormatException(1, $"flow id '{front.Flow}' must be lowercase words joined by hyphens");
        if (front.Id != Slug.From(front.Id))
            throw new PageFormatException(1, $"page id '{front.Id}' must be lowercase words joined by hyphens");
        return front;
    }

    private static string Slice(string markdown, List<Block> blocks)
    {
        if (blocks.Count == 0) return "";
        var start = blocks[0].Span.Start;
        var end = blocks[^1].Span.End;
        return markdown.Substring(start, end - start + 1);
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var parts = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants<Inline>())
        {
            switch (child)
            {
                case LiteralInline literal: parts.Append(literal.Content.ToString()); break;
                case CodeInline code: parts.Append(code.Content); break;
            }
        }
        return parts.ToString();
    }

    private sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public List<string>? Phrasings { get; set; }
        public double? Weight { get; set; }
        public string? Flow { get; set; }
    }
}
