using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Knowledge;

/// <summary>
/// Rebuilds the knowledge base when a content author saves a file. Editors save in bursts (temp file, rename,
/// touch), so changes are gathered for a short quiet period and rebuilt once.
/// </summary>
public sealed class ContentWatcher : IDisposable
{
    private readonly KnowledgeBase knowledge;
    private readonly ILogger logger;
    private readonly FileSystemWatcher watcher;
    private readonly Timer debounce;
    private readonly TimeSpan quietPeriod;

    public ContentWatcher(KnowledgeBase knowledge, TimeSpan? quietPeriod = null, ILogger? logger = null)
    {
        this.knowledge = knowledge;
        this.logger = logger ?? NullLogger.Instance;
        this.quietPeriod = quietPeriod ?? TimeSpan.FromMilliseconds(400);
        debounce = new Timer(_ => Rebuild(), null, Timeout.Infinite, Timeout.Infinite);
        watcher = new FileSystemWatcher(knowledge.ContentFolder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after each rebuild that the watcher triggered.</summary>
    public event Action? Rebuilt;

    private void OnChange(object sender, FileSystemEventArgs e) => debounce.Change(quietPeriod, Timeout.InfiniteTimeSpan);

    private void Rebuild()
    {
        try
        {
            knowledge.Reload();
            Rebuilt?.Invoke();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Content changed but the knowledge index could not be rebuilt; the previous index stays in use");
        }
    }

    public void Dispose()
    {
        watcher.Dispose();
        debounce.Dispose();
    }
}
