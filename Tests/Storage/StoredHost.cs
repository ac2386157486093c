using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MagLearn.Tests.Storage;

/// <summary>
/// The real bot host (Program.cs with all its parts) in memory, on the storage and settings a test gives it, with
/// every log entry captured.
/// </summary>
public sealed class StoredHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public LogCapture Logs { get; } = new();

    public static StoredHost OnSqlite(string path, params (string Key, string? Value)[] more) =>
        new(Settings(("Storage:Kind", "Sqlite"), ("Storage:Sqlite", path)).Concat(more).ToDictionary(s => s.Key, s => s.Value));

    public static StoredHost With(params (string Key, string? Value)[] settings) => new(settings.ToDictionary(s => s.Key, s => s.Value));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:WatchContent", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<IStartupFilter, MagLearn.Tests.Support.CallerOnThisMachine>();
        });
    }

    private static IEnumerable<(string Key, string? Value)> Settings(params (string, string?)[] settings) => settings;
}
