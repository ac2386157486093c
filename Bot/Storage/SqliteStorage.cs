using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace MagLearn.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> in one SQLite file: the embedded default, which keeps every conversation across
/// restarts with nothing to install. A write runs in an immediate transaction (shared with other turns' writes by
/// <see cref="SqliteWriter"/>), so checking a store item's ETag and replacing the item cannot be split by another
/// writer, in this process or another; each call's batch is all or nothing.
/// </summary>
public sealed class SqliteStorage : IStorage, IDisposable
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    private readonly string connectionString;
    private readonly TimeSpan idleExpiry;
    private readonly TimeProvider clock;
    private long nextSweepTicks;

    public SqliteStorage(string path, TimeSpan idleExpiry = default, TimeProvider? clock = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        this.idleExpiry = idleExpiry;
        this.clock = clock ?? TimeProvider.System;
        connectionString = SqliteFile.ConnectionString(Path);
        SqliteFile.Create(Path, """
            CREATE TABLE IF NOT EXISTS state_items (
                key TEXT NOT NULL PRIMARY KEY,
                etag TEXT,
                json TEXT NOT NULL,
                written_at INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS state_items_written_at ON state_items (written_at);
            """);
        SweepIfDueAsync().GetAwaiter().GetResult();
    }

    public string Path { get; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        using var connection = SqliteFile.Open(connectionString);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT etag, json FROM state_items WHERE key = $key";
        var key = select.Parameters.Add("$key", SqliteType.Text);
        foreach (var k in keys.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            key.Value = k;
            using var row = select.ExecuteReader();
            if (row.Read()) items[k] = StoredJson.Read(row.GetString(1), row.IsDBNull(0) ? null : row.GetString(0));
        }
        return Task.FromResult<IDictionary<string, object>>(items);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        // Serialised before it is queued, so the file is held only for the compare and the swap.
        var writes = changes.Select(c => StoreWrite.Of(c.Key, c.Value)).ToList();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        await SqliteWriter.Of(connectionString).WriteAsync((connection, transaction) => Write(connection, transaction, writes, now));
        await SweepIfDueAsync();
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, List<StoreWrite> writes, long now)
    {
        using var current = Command(connection, transaction, "SELECT etag FROM state_items WHERE key = $key", out var currentKey);
        foreach (var write in writes.Where(w => w.MustMatch))
        {
            currentKey.Value = write.Key;
            if (current.ExecuteScalar() is string stored && stored != write.ExpectedETag)
                throw new ETagConflictException(write.Key, write.ExpectedETag, stored);
        }

        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO state_items (key, etag, json, written_at) VALUES ($key, $etag, $json, $at)
            ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, json = excluded.json, written_at = excluded.written_at
            """;
        var key = upsert.Parameters.Add("$key", SqliteType.Text);
        var etag = upsert.Parameters.Add("$etag", SqliteType.Text);
        var json = upsert.Parameters.Add("$json", SqliteType.Text);
        upsert.Parameters.AddWithValue("$at", now);
        using var delete = Command(connection, transaction, "DELETE FROM state_items WHERE key = $key", out var deleteKey);
        foreach (var write in writes)
        {
            if (write.Json is null)
            {
                deleteKey.Value = write.Key;
                delete.ExecuteNonQuery();
                continue;
            }
            key.Value = write.Key;
            etag.Value = (object?)write.NewETag ?? DBNull.Value;
            json.Value = write.Json;
            upsert.ExecuteNonQuery();
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return SqliteWriter.Of(connectionString).WriteAsync((connection, transaction) =>
        {
            using var delete = Command(connection, transaction, "DELETE FROM state_items WHERE key = $key", out var key);
            foreach (var k in keys)
            {
                key.Value = k;
                delete.ExecuteNonQuery();
            }
        });
    }

    /// <summary>Forgets items nobody has written for <see cref="StorageOptions.IdleExpiry"/>; returns how many.</summary>
    public int SweepIdle() => SweepIdleAsync().GetAwaiter().GetResult();

    private Task<int> SweepIdleAsync()
    {
        if (idleExpiry <= TimeSpan.Zero) return Task.FromResult(0);
        var cutoff = (clock.GetUtcNow() - idleExpiry).ToUnixTimeMilliseconds();
        return SqliteWriter.Of(connectionString).WriteAsync((connection, transaction) =>
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM state_items WHERE written_at < $cutoff";
            delete.Parameters.AddWithValue("$cutoff", cutoff);
            return delete.ExecuteNonQuery();
        });
    }

    /// <summary>No timer to run or stop: writes sweep, at most once an hour, and so does opening the file.</summary>
    private Task SweepIfDueAsync()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref nextSweepTicks, now + SweepEvery.Ticks, due) != due) return Task.CompletedTask;
        return SweepIdleAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, out SqliteParameter key)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        key = command.Parameters.Add("$key", SqliteType.Text);
        return command;
    }

    /// <summary>Lets go of the pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose() => SqliteFile.Release(connectionString);
}
