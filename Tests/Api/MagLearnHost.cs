using System.Collections.Concurrent;
using MagLearn.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MagLearn.Tests.Api;

/// <summary>
/// The real bot host (Program.cs with all its parts) in memory, over the repository's content, with the content
/// watcher off and every log entry captured.
/// </summary>
public class MagLearnHost : WebApplicationFactory<Program>
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:WatchContent", "false");
        // The contract tests ask far more than any one person would; the limits have tests and hosts of their own.
        builder.UseSetting("Limits:Enabled", "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<IStartupFilter, CallerOnThisMachine>();
        });
    }
}

/// <summary>One host for every contract test: starting it builds the index, which is worth doing once.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<MagLearnHost>
{
    public const string Name = "MagLearn host";
}

/// <summary>Keeps every log entry the host writes, with its level, event id and structured values.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception);

    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values.ToList(), exception));
        }
    }
}
