namespace MagLearn.Bot.Hosting;

/// <summary>
/// Builds a service while the host starts rather than on its first use, so that what it reads (the dialog files,
/// the help menu) stops the host before it listens if it is broken, instead of failing someone's first turn.
/// </summary>
public sealed class BuiltAtStart<T>(IServiceProvider services) : IHostedService where T : notnull
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<T>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
