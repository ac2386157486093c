using MagLearn.Knowledge;

namespace MagLearn.Bot.Understanding;

/// <summary>
/// Builds the index before the host starts listening (so the first question never waits for it) and keeps it
/// fresh while content authors edit.
/// </summary>
internal sealed class KnowledgeStartup : IHostedService, IDisposable
{
    private readonly KnowledgeBase knowledge;
    private readonly KnowledgeOptions options;
    private readonly ILogger<ContentWatcher> watcherLogger;
    private ContentWatcher? watcher;

    public KnowledgeStartup(KnowledgeBase knowledge, Microsoft.Extensions.Options.IOptions<KnowledgeOptions> options, ILogger<ContentWatcher> watcherLogger)
    {
        this.knowledge = knowledge;
        this.options = options.Value;
        this.watcherLogger = watcherLogger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        knowledge.Reload();
        if (options.WatchContent && Directory.Exists(knowledge.ContentFolder))
            watcher = new ContentWatcher(knowledge, logger: watcherLogger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => watcher?.Dispose();
}
