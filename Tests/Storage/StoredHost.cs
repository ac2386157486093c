using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MagLearn.Tests.Storage;

/// <summary>
/// The real bot host (Program.cs with all its parts) in memory, on the storage and settings a test gives it, with
/// every log entry captured.
/// </summary>
public sealed class StoredHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public LogCapture Logs { get; } = new();

    public static StoredHost OnSqlite(string path, params (string Key, string? Value)[] more) =>
        new(Settings(("Storage:Kind", "Sqlite"), ("Storage:Sqlite", path)).Concat(more).ToDictionary(s => s.Key, s => s.Value));

    public static StoredHost With(params (string Key, string? Value)[] settings) => new(settings.ToDictionary(s => s.Key, s => s.Value));

    /// <summary>The same host with <paramref name="change"/> applied to its services after the bot's own (a fault to inject).</summary>
    public StoredHost Changed(Action<IServiceCollection> change) => new(settings, change);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:WatchContent", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(collection =>
        {
            collection.AddSingleton<ILoggerProvider>(Logs);
            collection.AddSingleton<IStartupFilter, MagLearn.Tests.Support.CallerOnThisMachine>();
        });
        if (services is not null) builder.ConfigureTestServices(services);
    }

    private static IEnumerable<(string Key, string? Value)> Settings(params (string, string?)[] settings) => settings;
}
