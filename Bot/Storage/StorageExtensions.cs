using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MagLearn.Bot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Where conversation state lives, chosen by <c>Storage:Kind</c>: a SQLite file (the default), Redis shared by
    /// several instances, or memory. Also the turn gate (<see cref="TurnQueue"/>, with the <see cref="SharedTurnLease"/>
    /// lease when instances share Redis), first in the turn's middleware, so that one turn of a conversation runs
    /// at a time over that storage.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsProblems>();

        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectRedis(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Redis!));
        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Kind switch
            {
                StorageKind.Redis => new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(), options.IdleExpiry),
                StorageKind.Memory => new MemoryStorage(),
                _ => new SqliteStorage(options.ResolveSqlitePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath), options.IdleExpiry),
            };
        });
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(sp =>
        {
            // Shared conversations (Redis) also need the lease every instance sees; a store of one instance does not.
            var shared = sp.GetRequiredService<IOptions<StorageOptions>>().Value.Kind == StorageKind.Redis
                ? new SharedTurnLease(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<ILogger<SharedTurnLease>>())
                : null;
            return new TurnQueue(sp.GetRequiredService<ILogger<TurnQueue>>(), shared);
        });
        services.AddHostedService<StorageStartup>();
        return builder;
    }

    /// <summary>
    /// A store kept where conversation state is kept (<c>Storage:Kind</c>): on the same Redis, in memory, or in the same
    /// SQLite file. Transcripts, insights and cases each choose theirs here.
    /// </summary>
    public static T BesideState<T>(this IServiceProvider services, Func<IConnectionMultiplexer, T> redis, Func<T> memory, Func<string, T> sqlite)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return storage.Kind switch
        {
            StorageKind.Redis => redis(services.GetRequiredService<IConnectionMultiplexer>()),
            StorageKind.Memory => memory(),
            _ => sqlite(storage.ResolveSqlitePath(services.GetRequiredService<IHostEnvironment>().ContentRootPath)),
        };
    }

    /// <summary>
    /// Connects in the background and keeps retrying, unless the connection string says otherwise: an instance that
    /// starts before Redis (as in a compose file) comes up and serves once Redis does.
    /// </summary>
    public static ConnectionMultiplexer ConnectRedis(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        if (!connectionString.Contains("abortConnect", StringComparison.OrdinalIgnoreCase)) configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(configuration);
    }
}

/// <summary>Names every problem with the storage settings when the host starts, not at the first turn.</summary>
internal sealed class StorageOptionsProblems : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Opens the storage while the host starts (creating the SQLite file, connecting to Redis) and says which it is.</summary>
internal sealed partial class StorageStartup(IServiceProvider services, IOptions<StorageOptions> options, ILogger<StorageStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<IStorage>();
        var where = storage switch
        {
            SqliteStorage sqlite => sqlite.Path,
            RedisStorage => string.Join(", ", services.GetRequiredService<IConnectionMultiplexer>().GetEndPoints().Select(e => e.ToString())),
            _ => "memory; lost when the bot stops",
        };
        Opened(options.Value.Kind, where);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Conversation state: {Kind} ({Where})")]
    private partial void Opened(StorageKind kind, string where);
}
