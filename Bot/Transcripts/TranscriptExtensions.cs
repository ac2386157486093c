using MagLearn.Bot.Storage;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Transcripts;

public static class TranscriptExtensions
{
    /// <summary>
    /// Every conversation's activities, redacted, kept on the same storage kind as its state (the same SQLite file,
    /// the same Redis, or memory), through <see cref="TranscriptMiddleware"/>. Call after AddStorage.
    /// </summary>
    public static WebApplicationBuilder AddTranscripts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TranscriptOptions>().Bind(builder.Configuration.GetSection(TranscriptOptions.Section))
            .Validate(o => o.Retention >= TimeSpan.Zero, "Transcripts:Retention must not be negative")
            // Redis runs noeviction: a transcript kept for ever there would hold memory for ever.
            .Validate<IOptions<StorageOptions>>((o, storage) => storage.Value.Kind != StorageKind.Redis || o.Retention > TimeSpan.Zero,
                "Transcripts:Retention must be more than zero with Redis, which never evicts: every key it holds must expire")
            .ValidateOnStart();
        services.AddSingleton<ITranscriptArchive>(sp =>
        {
            var retention = sp.GetRequiredService<IOptions<TranscriptOptions>>().Value.Retention;
            return sp.BesideState<ITranscriptArchive>(
                redis => new RedisTranscriptArchive(redis, retention),
                () => new MemoryTranscriptArchive(),
                path => new SqliteTranscriptArchive(path, retention));
        });
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TranscriptMiddleware>();
        return builder;
    }
}
