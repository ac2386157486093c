using System.Text.Json;
using MagLearn.Bot.Storage;

namespace MagLearn.Bot.Insights;

/// <summary>Insight events in the same SQLite file as conversation state, one row per event, swept after the retention.</summary>
public sealed class SqliteInsightStore : IInsightStore, IDisposable
{
    private readonly string connectionString;
    private readonly SqliteSweep expired;

    public SqliteInsightStore(string path, TimeSpan retention = default, TimeProvider? clock = null)
    {
        connectionString = SqliteFile.ConnectionString(Path.GetFullPath(path));
        SqliteFile.Create(Path.GetFullPath(path), """
            CREATE TABLE IF NOT EXISTS insight_events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                event TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS insight_events_at ON insight_events (at);
            """);
        expired = new SqliteSweep(connectionString, "insight_events", "at", retention, clock ?? TimeProvider.System);
    }

    public async Task AddAsync(IReadOnlyList<InsightEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return;
        await SqliteWriter.Of(connectionString).WriteAsync(batch =>
        {
            var insert = batch.Command("INSERT INTO insight_events (at, event) VALUES ($at, $event)");
            foreach (var e in events)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$at", e.Time.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$event", JsonSerializer.Serialize(e, InsightJson.Options));
                insert.ExecuteNonQuery();
            }
            return events.Count;
        });
        await expired.RunIfDueAsync();
    }

    public Task<IReadOnlyList<InsightEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteFile.Open(connectionString);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT event FROM insight_events WHERE at >= $from AND at < $to ORDER BY at, seq";
        select.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        select.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        using var rows = select.ExecuteReader();
        var events = new List<InsightEvent>();
        while (rows.Read())
        {
            if (InsightJson.Read(rows.GetString(0)) is { } e) events.Add(e);
        }
        return Task.FromResult<IReadOnlyList<InsightEvent>>(events);
    }

    /// <summary>Deletes the events older than the retention; returns how many.</summary>
    public Task<int> SweepExpiredAsync() => expired.RunAsync();

    public void Dispose() => SqliteFile.Release(connectionString);
}
