using MagLearn.Bot.Hosting;

namespace MagLearn.Bot.Storage;

/// <summary>Where conversation state lives (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (the default: a file, nothing to install), Redis (shared by several instances) or Memory.</summary>
    public StorageKind Kind { get; set; } = StorageKind.Sqlite;

    /// <summary>
    /// The SQLite database file. A relative path is taken from the folder that holds the content folder: the
    /// repository root in development (whose .gitignore keeps /data/ out), /app in the container.
    /// </summary>
    public string Sqlite { get; set; } = "data/maglearn.db";

    /// <summary>A StackExchange.Redis connection string, such as <c>127.0.0.1:6379</c> or <c>host:6380,ssl=true,password=...</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// A conversation nobody has written to for this long is forgotten (Redis key expiry; a sweep on SQLite).
    /// Zero keeps everything, on SQLite and in memory only.
    /// </summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(30);

    public string ResolveSqlitePath(string contentRoot)
    {
        if (Path.IsPathRooted(Sqlite)) return Path.GetFullPath(Sqlite);
        var home = Path.GetDirectoryName(DataFolder.Resolve("content", contentRoot)) ?? contentRoot;
        return Path.GetFullPath(Path.Combine(home, Sqlite));
    }

    /// <summary>The problems with these settings, none when they can be used.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Kind)) yield return $"Storage:Kind must be one of {string.Join(", ", Enum.GetNames<StorageKind>())}";
        if (Kind == StorageKind.Sqlite && string.IsNullOrWhiteSpace(Sqlite)) yield return "Storage:Sqlite must name the database file";
        if (Kind == StorageKind.Redis && string.IsNullOrWhiteSpace(Redis)) yield return "Storage:Redis must be a connection string (host:port) when Storage:Kind is Redis";
        if (IdleExpiry < TimeSpan.Zero) yield return "Storage:IdleExpiry must not be negative";
        // Redis runs noeviction: a key without an expiry stays until something deletes it, and nothing would.
        if (Kind == StorageKind.Redis && IdleExpiry == TimeSpan.Zero)
            yield return "Storage:IdleExpiry must be more than zero with Redis, which never evicts: every key it holds must expire";
    }
}

public enum StorageKind { Sqlite, Redis, Memory }
