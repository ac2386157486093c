using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Cases;

/// <summary>
/// An instance that dies at the end of a turn, before the conversation's state is saved: the bot's storage is wrapped
/// so that, once armed, the next write of a conversation's state fails. Everything the turn did before (a case
/// recorded, replies sent) stands; what it did to the state is lost, as when the process is killed there.
/// </summary>
public sealed class InstanceDeath
{
    private int armed;

    /// <summary>The next conversation-state write fails (once).</summary>
    public void Arm() => Volatile.Write(ref armed, 1);

    public bool Struck { get; private set; }

    /// <summary>Wraps the host's <see cref="IStorage"/> (however it is registered) in one that dies when armed.</summary>
    public void Apply(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IStorage));
        services.Remove(registered);
        services.AddSingleton<IStorage>(sp => new DyingStorage((IStorage)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)), this));
    }

    private bool Strikes(IDictionary<string, object> changes)
    {
        if (!changes.Keys.Any(k => k.Contains("/conversations/", StringComparison.Ordinal)) || Interlocked.Exchange(ref armed, 0) == 0) return false;
        Struck = true;
        return true;
    }

    private sealed class DyingStorage(IStorage inner, InstanceDeath death) : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            death.Strikes(changes) ? throw new IOException("the instance died before the conversation was saved") : inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
