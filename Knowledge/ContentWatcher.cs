using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Knowledge;

/// <summary>
/// Rebuilds when an author saves a file in the watched folders. Editors save in bursts (temp file, rename, touch), so
/// changes are gathered for a short quiet period and rebuilt once.
/// </summary>
public sealed class ContentWatcher : IDisposable
{
    private readonly Action rebuild;
    private readonly ILogger logger;
    private readonly List<FileSystemWatcher> watchers;
    private readonly Timer debounce;
    private readonly TimeSpan quietPeriod;

    /// <summary>Reloads <paramref name="knowledge"/> when a file of its content folder changes.</summary>
    public ContentWatcher(KnowledgeBase knowledge, TimeSpan? quietPeriod = null, ILogger? logger = null)
        : this([knowledge.ContentFolder], () => knowledge.Reload(), quietPeriod, logger)
    {
    }

    /// <param name="rebuild">Runs after each quiet period that followed a change; what it throws is logged, never raised.</param>
    public ContentWatcher(IEnumerable<string> folders, Action rebuild, TimeSpan? quietPeriod = null, ILogger? logger = null)
    {
        this.rebuild = rebuild;
        this.logger = logger ?? NullLogger.Instance;
        this.quietPeriod = quietPeriod ?? TimeSpan.FromMilliseconds(400);
        debounce = new Timer(_ => Rebuild(), null, Timeout.Infinite, Timeout.Infinite);
        watchers = folders.Distinct().Select(Watch).ToList();
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Raised after each rebuild that the watcher triggered.</summary>
    public event Action? Rebuilt;

    private void OnChange(object sender, FileSystemEventArgs e) => debounce.Change(quietPeriod, Timeout.InfiniteTimeSpan);

    private void Rebuild()
    {
        try
        {
            rebuild();
            Rebuilt?.Invoke();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Content changed but could not be rebuilt; the previous version stays in use");
        }
    }

    public void Dispose()
    {
        foreach (var watcher in watchers) watcher.Dispose();
        debounce.Dispose();
    }
}
