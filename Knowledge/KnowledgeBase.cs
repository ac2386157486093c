using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Search;
using MagLearn.Knowledge.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Knowledge;

/// <summary>
/// The live knowledge: the current index and its search. <see cref="Reload"/> builds a complete new index beside
/// the old one and swaps it in with one reference write, so questions in flight finish on the old index and no
/// question ever meets a half-built one. A reload that fails keeps the index that works.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    /// <summary>Old indexes are closed after this, long enough for every search that started on them to end.</summary>
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly string contentFolder;
    private readonly Func<IEnumerable<SearchDocument>> extraDocuments;
    private readonly ILogger logger;
    private readonly object reloading = new();
    private volatile KnowledgeSnapshot? current;

    private readonly SearchTuning tuning;
    private readonly string? cacheFolder;
    private readonly Task<SentenceModel?> modelLoading;

    /// <param name="model">The sentence model; null answers by words alone (as a tiny host, or a host whose model did not load).</param>
    /// <param name="cacheFolder">Where trained routers are kept between starts; null trains them at every start.</param>
    public KnowledgeBase(string contentFolder, Func<IEnumerable<SearchDocument>>? extraDocuments = null, ILogger? logger = null,
        SearchTuning? tuning = null, SentenceModel? model = null, string? cacheFolder = null)
        : this(contentFolder, extraDocuments, logger, tuning, Task.FromResult(model), cacheFolder)
    {
    }

    /// <param name="modelLoading">
    /// The sentence model while it loads: the first build reads the content and builds the Lucene index meanwhile,
    /// and waits for the model only for the vectors (on two cores that halves a cold start).
    /// </param>
    public KnowledgeBase(string contentFolder, Func<IEnumerable<SearchDocument>>? extraDocuments, ILogger? logger,
        SearchTuning? tuning, Task<SentenceModel?> modelLoading, string? cacheFolder)
    {
        this.cacheFolder = cacheFolder;
        this.tuning = tuning ?? SearchTuning.Tuned;
        this.contentFolder = contentFolder;
        this.extraDocuments = extraDocuments ?? (() => []);
        this.logger = logger ?? NullLogger.Instance;
        this.modelLoading = modelLoading;
    }

    /// <summary>A knowledge base over content read elsewhere (benchmarks, tests); it has no folder to reload from.</summary>
    public KnowledgeBase(LearnLibrary library, LanguageResources language, IReadOnlyList<SearchDocument> extras, RouteTrainingSet training,
        SentenceModel? model = null) : this(contentFolder: "", model: model)
    {
        current = KnowledgeBuilder.Build(library, language, extras, tuning, training, () => model).Snapshot;
    }

    public string ContentFolder => contentFolder;

    /// <summary>The sentence model every snapshot is built with; null when answering by words alone. Waits for it to load.</summary>
    public SentenceModel? Model => modelLoading.GetAwaiter().GetResult();

    /// <summary>The index questions are answered from; loads it on first use.</summary>
    public KnowledgeSnapshot Current => current ?? Reload();

    public bool IsLoaded => current is not null;

    /// <summary>Reads the content folder, builds a new index and makes it current.</summary>
    public KnowledgeSnapshot Reload()
    {
        lock (reloading)
        {
            var previous = current;
            var library = LearnLibrary.LoadFolder(Path.Combine(contentFolder, "learn"));
            foreach (var problem in library.Problems)
                logger.LogError("Learn page skipped: {File}: {Reason}", problem.File, problem.Reason);
            if (library.Pages.Count == 0 && previous is not null)
            {
                logger.LogError("No Learn page could be read from {Folder}; keeping the index already loaded", contentFolder);
                return previous;
            }

            var language = LanguageResources.LoadFolder(contentFolder);
            var extras = extraDocuments().ToList();
            var training = RouteTrainingSet.Load(contentFolder, library, extras);
            var (snapshot, timings) = KnowledgeBuilder.Build(library, language, extras, tuning, training, () => Model, cacheFolder);
            current = snapshot;
            logger.LogInformation(
                "Knowledge built: {Pages} pages, {Documents} documents; index {IndexMs} ms, vectors {VectorMs} ms ({Encoded} encoded), routers {RouterMs} ms ({Examples} examples, held-out route accuracy {Accuracy:0.000})",
                library.Pages.Count, snapshot.Index.DocumentCount, (int)timings.Index.TotalMilliseconds, (int)timings.Vectors.TotalMilliseconds,
                timings.Encoded, (int)timings.Routers.TotalMilliseconds, training.All.Count(),
                (snapshot.MeaningRouter ?? snapshot.WordsRouter).Figures.RouteAccuracy);
            if (previous is not null) Retire(previous);
            return snapshot;
        }
    }

    private static void Retire(KnowledgeSnapshot old) =>
        _ = Task.Delay(RetireAfter).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);

    public void Dispose() => current?.Dispose();
}
