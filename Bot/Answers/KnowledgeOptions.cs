using MagLearn.Bot.Hosting;

namespace MagLearn.Bot.Answers;

/// <summary>Where the Learn content lives and how answers link back to it (section "Knowledge").</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>
    /// The content folder (learn/ pages, synonyms.txt, stopwords.txt). A relative path is looked for from the
    /// content root upwards, so the same setting finds the repository's folder from a build output directory and
    /// a deployed copy beside the binary.
    /// </summary>
    public string ContentPath { get; set; } = "content";

    /// <summary>Rebuild the index when a content file changes, without a restart.</summary>
    public bool WatchContent { get; set; } = true;

    /// <summary>The address the bot's Learn pages are reached at, for "Read more" links in chat.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>Search with the plain baseline instead of the tuned analysis (for the evaluation's comparison).</summary>
    public bool Baseline { get; set; }

    public string ResolveContentPath(string contentRoot) => FolderSearch.Resolve(ContentPath, contentRoot);
}
