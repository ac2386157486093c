using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Semantic;
using MagLearn.Tests.Flows.Support;
using MagLearn.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Tests.Knowledge;

/// <summary>
/// The repository's content and flows with the real sentence model, as the bot runs them, loaded once. Its vectors
/// and routers are kept where the host keeps them (data/semantic beside content/), so the host tests and these
/// share one warm cache and neither makes the other encode again.
/// </summary>
internal static class RealSemanticKnowledge
{
    /// <summary>The packaged model the build copies beside every binary that uses Knowledge.</summary>
    public static string PackagedModel => Path.Combine(AppContext.BaseDirectory, SentenceModelFiles.DefaultPackagedModel);

    public static string CacheFolder => Path.Combine(RepoPaths.Root, "data", "semantic");

    private static readonly Lazy<SentenceModel> LoadedModel = new(() =>
        SentenceModel.TryLoad(PackagedModel, CacheFolder, threads: 1, quantized: true, NullLogger.Instance, out var problem)
        ?? throw new InvalidOperationException("the sentence model did not load: " + problem));

    private static readonly Lazy<KnowledgeBase> Base = new(() =>
    {
        var knowledge = new KnowledgeBase(RepoPaths.Content, () => FlowPaths.Catalog.Documents(), model: LoadedModel.Value, cacheFolder: CacheFolder);
        knowledge.Reload();
        return knowledge;
    });

    public static SentenceModel Model => LoadedModel.Value;

    public static KnowledgeBase KnowledgeBase => Base.Value;

    public static AskRouter Router { get; } = new(KnowledgeBase);
}
