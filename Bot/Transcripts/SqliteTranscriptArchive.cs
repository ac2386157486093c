using MagLearn.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace MagLearn.Bot.Transcripts;

/// <summary>Transcripts in the same SQLite file as conversation state, one row per activity.</summary>
public sealed class SqliteTranscriptArchive : ITranscriptArchive, IDisposable
{
    private readonly string connectionString;
    private readonly SqliteSweep expired;

    public SqliteTranscriptArchive(string path, TimeSpan retention = default, TimeProvider? clock = null)
    {
        connectionString = SqliteFile.ConnectionString(Path.GetFullPath(path));
        SqliteFile.Create(Path.GetFullPath(path), """
            CREATE TABLE IF NOT EXISTS transcript_activities (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation TEXT NOT NULL,
                channel TEXT NOT NULL,
                at INTEGER NOT NULL,
                activity TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS transcript_activities_conversation ON transcript_activities (conversation, at);
            """);
        expired = new SqliteSweep(connectionString, "transcript_activities", "at", retention, clock ?? TimeProvider.System);
    }

    /// <summary>Completes when the activities are committed, together with whatever else was written meanwhile.</summary>
    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0) return;
        await SqliteWriter.Of(connectionString).WriteAsync(batch =>
        {
            var insert = batch.Command("INSERT INTO transcript_activities (conversation, channel, at, activity) VALUES ($conversation, $channel, $at, $activity)");
            foreach (var entry in entries)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$conversation", entry.ConversationId);
                insert.Parameters.AddWithValue("$channel", entry.ChannelId);
                insert.Parameters.AddWithValue("$at", entry.Timestamp.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$activity", entry.Activity);
                insert.ExecuteNonQuery();
            }
        });
        await expired.RunIfDueAsync();
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        using var connection = SqliteFile.Open(connectionString);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT channel, at, activity FROM transcript_activities WHERE conversation = $conversation ORDER BY at, seq";
        select.Parameters.AddWithValue("$conversation", conversationId);
        using var rows = select.ExecuteReader();
        var entries = new List<TranscriptEntry>();
        while (rows.Read())
            entries.Add(new TranscriptEntry(conversationId, rows.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(1)), rows.GetString(2)));
        return Task.FromResult<IReadOnlyList<TranscriptEntry>>(entries);
    }

    /// <summary>Deletes the activities older than the retention; returns how many.</summary>
    public int SweepExpired() => expired.RunAsync().GetAwaiter().GetResult();

    public void Dispose() => SqliteFile.Release(connectionString);
}
