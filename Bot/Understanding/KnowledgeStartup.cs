using MagLearn.Knowledge;

namespace MagLearn.Bot.Understanding;

/// <summary>
/// Builds the index before the host starts listening, so the first question never waits for it. Keeping it fresh
/// while authors edit is <c>Checks/ContentReload</c>'s job: a change goes live only once the files check out.
/// </summary>
internal sealed class KnowledgeStartup(KnowledgeBase knowledge) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        knowledge.Reload();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
