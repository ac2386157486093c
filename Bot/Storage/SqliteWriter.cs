using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace MagLearn.Bot.Storage;

/// <summary>
/// The one writer of a SQLite file within the process, committing the writes of many turns together (group
/// commit). Each caller's write still stands or falls on its own: when one throws (an ETag conflict), the
/// transaction is rolled back, that caller gets the exception, and the others are applied again and committed
/// without it. A caller's task completes only once its write is committed, so nothing a turn wrote is
/// acknowledged before it is in the file.
///
/// Why: SQLite takes one writer at a time and every commit is a round through the write-ahead log. Turns that
/// each opened their own transaction queued behind one another on a lock, and that queue, not the work, was what
/// an answer turn waited for under load. One transaction for everything that arrived meanwhile costs one commit,
/// and a statement used by many writes of a batch is prepared once.
/// </summary>
internal sealed class SqliteWriter
{
    /// <summary>A batch is cut here, so one commit never holds the file for long.</summary>
    private const int MaxBatch = 256;

    private static readonly ConcurrentDictionary<string, SqliteWriter> Writers = new(StringComparer.Ordinal);

    private readonly string connectionString;
    private readonly Channel<IWork> queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });

    private SqliteWriter(string connectionString)
    {
        this.connectionString = connectionString;
        _ = Task.Run(DrainAsync);
    }

    public static SqliteWriter Of(string connectionString) => Writers.GetOrAdd(connectionString, cs => new SqliteWriter(cs));

    /// <summary>
    /// Runs <paramref name="write"/> in the next commit; completes when that commit is in the file. The write may
    /// be run more than once (when another write of its batch fails), each time on a rolled-back file, so it must
    /// only read and write through the batch.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteBatch, T> write)
    {
        var work = new Work<T>(write);
        if (!queue.Writer.TryWrite(work)) throw new InvalidOperationException("the SQLite writer has stopped");
        return work.Done.Task;
    }

    public Task WriteAsync(Action<SqliteBatch> write) =>
        WriteAsync(batch =>
        {
            write(batch);
            return true;
        });

    private async Task DrainAsync()
    {
        var batch = new List<IWork>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work)) batch.Add(work);
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<IWork> pending)
    {
        try
        {
            while (pending.Count > 0)
            {
                using var connection = SqliteFile.OpenForWriting(connectionString);
                // IMMEDIATE: the write lock is taken before any write reads what it checks (an ETag), so another
                // process sharing the file cannot slip in between.
                using var transaction = connection.BeginTransaction(deferred: false);
                using var batch = new SqliteBatch(connection, transaction);
                var failed = Apply(pending, batch);
                if (failed is null)
                {
                    transaction.Commit();
                    foreach (var work in pending) work.Complete();
                    return;
                }
                transaction.Rollback();
                pending[failed.Value.Index].Fail(failed.Value.Error);
                pending.RemoveAt(failed.Value.Index);
            }
        }
        catch (Exception e)
        {
            // The file could not be opened or the commit failed: nothing of what is left was kept.
            foreach (var work in pending) work.Fail(e);
        }
    }

    private static (int Index, Exception Error)? Apply(List<IWork> pending, SqliteBatch batch)
    {
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                pending[i].Apply(batch);
            }
            // A disk that fails (SQLITE_IOERR) or is full (SQLITE_FULL) is no one write's fault: it fails the batch.
            catch (Exception e) when (e is not SqliteException { SqliteErrorCode: 10 or 13 })
            {
                return (i, e);
            }
        }
        return null;
    }

    private interface IWork
    {
        void Apply(SqliteBatch batch);
        void Complete();
        void Fail(Exception error);
    }

    private sealed class Work<T>(Func<SqliteBatch, T> write) : IWork
    {
        private T? result;

        // Completed off the writer's thread, so no caller's continuation runs inside the next batch.
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Apply(SqliteBatch batch) => result = write(batch);
        public void Complete() => Done.TrySetResult(result!);
        public void Fail(Exception error) => Done.TrySetException(error);
    }
}

/// <summary>One commit's connection and transaction, with each statement prepared once for all its writes.</summary>
internal sealed class SqliteBatch(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    /// <summary>The batch's command for <paramref name="sql"/>, its parameters cleared for the caller to set.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values) command.Dispose();
    }
}
