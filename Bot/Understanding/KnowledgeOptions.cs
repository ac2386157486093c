using MagLearn.Bot.Hosting;

namespace MagLearn.Bot.Understanding;

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

    public string ResolveContentPath(string contentRoot) => DataFolder.Resolve(ContentPath, contentRoot);

    /// <summary>The sentence model beside Lucene (section "Knowledge:Semantic").</summary>
    public SemanticOptions Semantic { get; set; } = new();
}

/// <summary>The sentence-embedding model: whether to load it, where from, where its vectors are kept.</summary>
public sealed class SemanticOptions
{
    /// <summary>Off runs the bot by words alone: for a host too small for the model (about 150 MB more memory).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The model: the packaged assembly the build copies beside the binary, or a folder with model.onnx and vocab.txt.</summary>
    public string ModelPath { get; set; } = Knowledge.Semantic.SentenceModelFiles.DefaultPackagedModel;

    /// <summary>Where the content's vectors and the unpacked model are kept, beside the content folder like the SQLite file.</summary>
    public string CachePath { get; set; } = "data/semantic";

    /// <summary>
    /// Run the model with 8-bit weights (made from the full model at first start): three times faster per message,
    /// the same answers on the dev questions (docs/benchmarks.md, "Encoder").
    /// </summary>
    public bool Quantized { get; set; } = true;

    /// <summary>
    /// ONNX Runtime threads per message. One: a short message is too little work to split, and the bot's cores are
    /// busy with other turns (two callers encode 930 messages/s on one thread each, 676 on two; docs/benchmarks.md,
    /// "Encoder").
    /// </summary>
    public int Threads { get; set; } = 1;

    public string ResolveModelPath(string contentRoot) =>
        Path.IsPathRooted(ModelPath) ? ModelPath : Path.GetFullPath(Path.Combine(contentRoot, ModelPath));

    public string ResolveCachePath(string contentRoot)
    {
        if (Path.IsPathRooted(CachePath)) return Path.GetFullPath(CachePath);
        var home = Path.GetDirectoryName(DataFolder.Resolve("content", contentRoot)) ?? contentRoot;
        return Path.GetFullPath(Path.Combine(home, CachePath));
    }
}
