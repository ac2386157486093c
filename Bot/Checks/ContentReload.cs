using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Menu;
using MagLearn.Bot.Understanding;
using MagLearn.Knowledge;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Checks;

/// <summary>
/// Hot reload of <c>content/</c> and <c>dialogs/</c> that never serves a broken change: when an author saves, the
/// files are checked as a whole (<see cref="ContentCheck"/>); if they pass, the new flows and a new index go live;
/// if not, the last good version keeps serving and <see cref="Report"/> (logged, and on the admin API) says what
/// is wrong on which line. A change is all or nothing because the files depend on each other: a flow cites a page's
/// section, the router learns from the flows' triggers.
/// </summary>
public sealed class ContentReload : IHostedService, IDisposable
{
    private readonly KnowledgeBase knowledge;
    private readonly FlowCatalog flows;
    private readonly HelpMenu menu;
    private readonly ContentFolders folders;
    private readonly bool watch;
    private readonly ILogger<ContentReload> logger;
    private readonly TimeProvider clock;
    private readonly object checking = new();
    private ContentWatcher? watcher;
    private volatile ValidationReport report;

    public ContentReload(KnowledgeBase knowledge, FlowCatalog flows, HelpMenu menu, ContentFolders folders, IOptions<KnowledgeOptions> options,
        ILogger<ContentReload> logger, TimeProvider clock)
    {
        this.knowledge = knowledge;
        this.flows = flows;
        this.menu = menu;
        this.folders = folders;
        this.logger = logger;
        this.clock = clock;
        watch = options.Value.WatchContent;
        report = new ValidationReport(clock.GetUtcNow(), clock.GetUtcNow(), []);
    }

    public ValidationReport Report => report;

    /// <summary>Raised after each check of a change, with its report, whether or not the change went live.</summary>
    public event Action<ValidationReport>? Checked;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // What the host started with was loaded by the knowledge and the flows themselves (a broken page skipped, a
        // broken flow stopping the start); the report says what, if anything, was left out.
        var started = ContentCheck.Run(folders);
        report = new ValidationReport(clock.GetUtcNow(), clock.GetUtcNow(), started.Issues);
        Log(report, "at start");
        if (watch) watcher = new ContentWatcher(new[] { folders.Content, folders.Dialogs }, () => ApplyChange(), logger: logger);
        return Task.CompletedTask;
    }

    /// <summary>Checks the files as they are now and serves them if they pass; the watcher calls it after each change.</summary>
    public ValidationReport ApplyChange()
    {
        lock (checking)
        {
            var result = ContentCheck.Run(folders);
            var now = clock.GetUtcNow();
            if (result is { Passed: true, Menu: { } checkedMenu })
            {
                flows.Replace(result.Flows);
                menu.Replace(checkedMenu);
                knowledge.Reload();
                report = new ValidationReport(now, now, []);
                logger.LogInformation("Content and flows changed, checked and reloaded: {Flows}", string.Join(", ", result.Flows.Select(f => f.Id)));
            }
            else
            {
                report = new ValidationReport(now, report.ServingSince, result.Issues);
                Log(report, "after a change; the last good version keeps serving");
            }
            Checked?.Invoke(report);
            return report;
        }
    }

    private void Log(ValidationReport checkedReport, string when)
    {
        foreach (var issue in checkedReport.Problems)
            logger.LogError("Content problem {When}: {Problem}", when, issue.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => watcher?.Dispose();
}
