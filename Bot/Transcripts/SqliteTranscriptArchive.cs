using MagLearn.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace MagLearn.Bot.Transcripts;

/// <summary>Transcripts in the same SQLite file as conversation state, one row per activity.</summary>
public sealed class SqliteTranscriptArchive : ITranscriptArchive, IDisposable
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);

    private readonly string connectionString;
    private readonly TimeSpan retention;
    private readonly TimeProvider clock;
    private long nextSweepTicks;

    public SqliteTranscriptArchive(string path, TimeSpan retention = default, TimeProvider? clock = null)
    {
        this.retention = retention;
        this.clock = clock ?? TimeProvider.System;
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
    }

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        lock (SqliteFile.WriterOf(connectionString))
        using (var connection = SqliteFile.Open(connectionString))
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO transcript_activities (conversation, channel, at, activity) VALUES ($conversation, $channel, $at, $activity)";
            insert.Parameters.AddWithValue("$conversation", entry.ConversationId);
            insert.Parameters.AddWithValue("$channel", entry.ChannelId);
            insert.Parameters.AddWithValue("$at", entry.Timestamp.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$activity", entry.Activity);
            insert.ExecuteNonQuery();
        }
        SweepIfDue();
        return Task.CompletedTask;
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
    public int SweepExpired()
    {
        if (retention <= TimeSpan.Zero) return 0;
        lock (SqliteFile.WriterOf(connectionString)) return Sweep();
    }

    private int Sweep()
    {
        using var connection = SqliteFile.Open(connectionString);
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM transcript_activities WHERE at < $cutoff";
        delete.Parameters.AddWithValue("$cutoff", (clock.GetUtcNow() - retention).ToUnixTimeMilliseconds());
        return delete.ExecuteNonQuery();
    }

    /// <summary>As state does: appends sweep, at most once an hour, with no timer to manage.</summary>
    private void SweepIfDue()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref nextSweepTicks, now + SweepEvery.Ticks, due) != due) return;
        SweepExpired();
    }

    public void Dispose() => SqliteFile.Release(connectionString);
}
