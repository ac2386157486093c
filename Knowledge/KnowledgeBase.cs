using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Search;
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

    public KnowledgeBase(string contentFolder, Func<IEnumerable<SearchDocument>>? extraDocuments = null, ILogger? logger = null, SearchTuning? tuning = null)
    {
        this.tuning = tuning ?? SearchTuning.Tuned;
        this.contentFolder = contentFolder;
        this.extraDocuments = extraDocuments ?? (() => []);
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>A knowledge base over an index built elsewhere (benchmarks, tests); it has no folder to reload from.</summary>
    public KnowledgeBase(KnowledgeIndex index) : this(contentFolder: "")
    {
        current = new KnowledgeSnapshot(index);
    }

    public string ContentFolder => contentFolder;

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
            var index = KnowledgeIndex.Build(library, language, extraDocuments(), tuning);
            var snapshot = new KnowledgeSnapshot(index);
            current = snapshot;
            logger.LogInformation("Knowledge index built: {Pages} pages, {Documents} documents in {Milliseconds} ms",
                library.Pages.Count, index.DocumentCount, (int)index.BuildTime.TotalMilliseconds);
            if (previous is not null) Retire(previous);
            return snapshot;
        }
    }

    private static void Retire(KnowledgeSnapshot old) =>
        _ = Task.Delay(RetireAfter).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);

    public void Dispose() => current?.Dispose();
}

/// <summary>An index and the search over it, always used as a pair.</summary>
public sealed class KnowledgeSnapshot : IDisposable
{
    public KnowledgeIndex Index { get; }
    public QuestionSearch Search { get; }
    public LearnLibrary Library => Index.Library;

    public KnowledgeSnapshot(KnowledgeIndex index)
    {
        Index = index;
        Search = new QuestionSearch(index);
    }

    public void Dispose()
    {
        Search.Dispose();
        Index.Dispose();
    }
}
