using MagLearn.Bot.Storage;

namespace MagLearn.Bot.Cases;

/// <summary>
/// Cases in the same SQLite file as conversation state, one row per reference (the primary key, so a second add
/// of the same reference inserts nothing), swept after the retention.
/// </summary>
public sealed class SqliteCaseStore : ICaseStore, IDisposable
{
    private readonly string connectionString;
    private readonly SqliteSweep expired;

    public SqliteCaseStore(string path, TimeSpan retention = default, TimeProvider? clock = null)
    {
        connectionString = SqliteFile.ConnectionString(Path.GetFullPath(path));
        SqliteFile.Create(Path.GetFullPath(path), """
            CREATE TABLE IF NOT EXISTS cases (
                reference TEXT PRIMARY KEY,
                recorded INTEGER NOT NULL,
                record TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS cases_recorded ON cases (recorded);
            """);
        expired = new SqliteSweep(connectionString, "cases", "recorded", retention, clock ?? TimeProvider.System);
    }

    public async Task<CaseAdded> AddOnceAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        var added = await SqliteWriter.Of(connectionString).WriteAsync(batch =>
        {
            var insert = batch.Command("INSERT INTO cases (reference, recorded, record) VALUES ($reference, $recorded, $record) ON CONFLICT (reference) DO NOTHING");
            insert.Parameters.AddWithValue("$reference", record.Reference);
            insert.Parameters.AddWithValue("$recorded", record.Recorded.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$record", CaseJson.Write(record));
            if (insert.ExecuteNonQuery() == 1) return new CaseAdded(record, true);
            // Read in the same transaction: nothing can come between the refused insert and what it collided with.
            var select = batch.Command("SELECT record FROM cases WHERE reference = $reference");
            select.Parameters.AddWithValue("$reference", record.Reference);
            return new CaseAdded(CaseJson.Read((string)select.ExecuteScalar()!), false);
        });
        if (added.IsNew) await expired.RunIfDueAsync();
        return added;
    }

    public async Task MarkForwardedAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await SqliteWriter.Of(connectionString).WriteAsync(batch =>
        {
            var select = batch.Command("SELECT record FROM cases WHERE reference = $reference");
            select.Parameters.AddWithValue("$reference", reference);
            if (select.ExecuteScalar() is not string json || CaseJson.Read(json) is not { Forwarded: null } stored) return;
            var update = batch.Command("UPDATE cases SET record = $record WHERE reference = $reference");
            update.Parameters.AddWithValue("$reference", reference);
            update.Parameters.AddWithValue("$record", CaseJson.Write(stored with { Forwarded = at }));
            update.ExecuteNonQuery();
        });
    }

    public Task<CaseRecord?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteFile.Open(connectionString);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT record FROM cases WHERE reference = $reference";
        select.Parameters.AddWithValue("$reference", reference);
        return Task.FromResult(select.ExecuteScalar() is string json ? CaseJson.Read(json) : null);
    }

    public Task<IReadOnlyList<CaseRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteFile.Open(connectionString);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT record FROM cases WHERE recorded >= $from AND recorded < $to ORDER BY recorded, reference";
        select.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        select.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        using var rows = select.ExecuteReader();
        var cases = new List<CaseRecord>();
        while (rows.Read()) cases.Add(CaseJson.Read(rows.GetString(0)));
        return Task.FromResult<IReadOnlyList<CaseRecord>>(cases);
    }

    /// <summary>Deletes the cases older than the retention; returns how many.</summary>
    public Task<int> SweepExpiredAsync() => expired.RunAsync();

    public void Dispose() => SqliteFile.Release(connectionString);
}
