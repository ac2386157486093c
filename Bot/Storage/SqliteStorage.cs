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
    private readonly string connectionString;
    private readonly SqliteReaders readers;
    private readonly TimeProvider clock;
    private readonly SqliteSweep idle;

    public SqliteStorage(string path, TimeSpan idleExpiry = default, TimeProvider? clock = null)
    {
        Path = System.IO.Path.GetFullPath(path);
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
        idle = new SqliteSweep(connectionString, "state_items", "written_at", idleExpiry, this.clock);
        readers = new SqliteReaders(connectionString);
        idle.RunIfDueAsync().GetAwaiter().GetResult();
    }

    public string Path { get; }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = readers.Read("SELECT etag, json FROM state_items WHERE key = $key",
                parameters => parameters.AddWithValue("$key", key),
                row => row.Read() ? (Json: row.GetString(1), ETag: row.IsDBNull(0) ? null : row.GetString(0)) : default);
            if (stored.Json is not null) items[key] = StoredJson.Read(stored.Json, stored.ETag);
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

        await SqliteWriter.Of(connectionString).WriteAsync(batch => Write(batch, writes, now));
        await idle.RunIfDueAsync();
    }

    private static void Write(SqliteBatch batch, List<StoreWrite> writes, long now)
    {
        // Every ETag is checked before anything is written, so a conflict leaves this write with nothing done.
        foreach (var write in writes.Where(w => w.MustMatch))
        {
            var current = batch.Command("SELECT etag FROM state_items WHERE key = $key");
            current.Parameters.AddWithValue("$key", write.Key);
            if (current.ExecuteScalar() is string stored && stored != write.ExpectedETag)
                throw new ETagConflictException(write.Key, write.ExpectedETag, stored);
        }

        foreach (var write in writes)
        {
            if (write.Json is null)
            {
                var delete = batch.Command(DeleteOne);
                delete.Parameters.AddWithValue("$key", write.Key);
                delete.ExecuteNonQuery();
                continue;
            }
            var upsert = batch.Command("""
                INSERT INTO state_items (key, etag, json, written_at) VALUES ($key, $etag, $json, $at)
                ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, json = excluded.json, written_at = excluded.written_at
                """);
            upsert.Parameters.AddWithValue("$key", write.Key);
            upsert.Parameters.AddWithValue("$etag", (object?)write.NewETag ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$json", write.Json);
            upsert.Parameters.AddWithValue("$at", now);
            upsert.ExecuteNonQuery();
        }
    }

    private const string DeleteOne = "DELETE FROM state_items WHERE key = $key";

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return SqliteWriter.Of(connectionString).WriteAsync(batch =>
        {
            foreach (var k in keys)
            {
                var delete = batch.Command(DeleteOne);
                delete.Parameters.AddWithValue("$key", k);
                delete.ExecuteNonQuery();
            }
        });
    }

    /// <summary>Forgets items nobody has written for <see cref="StorageOptions.IdleExpiry"/>; returns how many.</summary>
    public int SweepIdle() => idle.RunAsync().GetAwaiter().GetResult();

    /// <summary>Lets go of the pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        readers.Dispose();
        SqliteFile.Release(connectionString);
    }
}
