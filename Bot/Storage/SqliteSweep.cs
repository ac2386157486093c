namespace MagLearn.Bot.Storage;

/// <summary>
/// Deleting a table's rows older than a kept period, through the file's <see cref="SqliteWriter"/>: on request, or
/// at most once an hour when the owner's writes ask (<see cref="RunIfDueAsync"/>), so there is no timer to run or
/// stop. A kept period of zero keeps everything.
/// </summary>
internal sealed class SqliteSweep(string connectionString, string table, string timeColumn, TimeSpan keepFor, TimeProvider clock)
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private long nextTicks;

    /// <summary>Deletes the rows whose time (Unix milliseconds) is older than the kept period; returns how many.</summary>
    public Task<int> RunAsync()
    {
        if (keepFor <= TimeSpan.Zero) return Task.FromResult(0);
        var cutoff = (clock.GetUtcNow() - keepFor).ToUnixTimeMilliseconds();
        return SqliteWriter.Of(connectionString).WriteAsync(batch =>
        {
            // The table and column are this code's own names, never input.
            var delete = batch.Command($"DELETE FROM {table} WHERE {timeColumn} < $cutoff");
            delete.Parameters.AddWithValue("$cutoff", cutoff);
            return delete.ExecuteNonQuery();
        });
    }

    public Task RunIfDueAsync()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref nextTicks);
        if (now < due || Interlocked.CompareExchange(ref nextTicks, now + Every.Ticks, due) != due) return Task.CompletedTask;
        return RunAsync();
    }
}
