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
/// each opened their own transaction would queue behind one another on a lock, and under load that queue, not the
/// work, is what a turn would wait for. One transaction for everything that arrived meanwhile costs one commit.
/// The writer keeps its connection and its prepared statements from batch to batch, so a batch is only its writes.
/// A batch that fails in a way no single write explains (the disk) drops them, and the next batch starts afresh.
/// </summary>
internal sealed class SqliteWriter
{
    /// <summary>A batch is cut here, so one commit never holds the file for long.</summary>
    private const int MaxBatch = 256;

    private static readonly ConcurrentDictionary<string, SqliteWriter> Writers = new(StringComparer.Ordinal);

    private readonly string connectionString;
    private readonly Channel<IWork> queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });

    // Only the drain loop touches these.
    private SqliteConnection? connection;
    private readonly Dictionary<string, SqliteCommand> statements = new(StringComparer.Ordinal);

    private SqliteWriter(string connectionString)
    {
        this.connectionString = connectionString;
        _ = Task.Run(DrainAsync);
    }

    public static SqliteWriter Of(string connectionString) => Writers.GetOrAdd(connectionString, cs => new SqliteWriter(cs));

    /// <summary>
    /// Closes the file's writer connection once what is queued before this call is committed, so the file can be
    /// moved or deleted; the next write opens it again.
    /// </summary>
    public static void Close(string connectionString)
    {
        if (!Writers.TryGetValue(connectionString, out var writer)) return;
        var closed = new CloseWork();
        if (writer.queue.Writer.TryWrite(closed)) closed.Done.Task.GetAwaiter().GetResult();
    }

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
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                if (work is not CloseWork close)
                {
                    batch.Add(work);
                    continue;
                }
                Commit(batch);
                batch.Clear();
                Disconnect();
                close.Complete();
            }
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<IWork> pending)
    {
        if (pending.Count == 0) return;
        try
        {
            while (pending.Count > 0)
            {
                connection ??= SqliteFile.OpenForWriting(connectionString);
                // IMMEDIATE: the write lock is taken before any write reads what it checks (an ETag), so another
                // process sharing the file cannot slip in between.
                using var transaction = connection.BeginTransaction(deferred: false);
                var failed = Apply(pending, new SqliteBatch(connection, transaction, statements));
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
            Disconnect();
            foreach (var work in pending) work.Fail(e);
        }
    }

    private void Disconnect()
    {
        foreach (var statement in statements.Values) statement.Dispose();
        statements.Clear();
        connection?.Dispose();
        connection = null;
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

    /// <summary>Asks the drain loop to let go of the file; not a write.</summary>
    private sealed class CloseWork : IWork
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Apply(SqliteBatch batch) { }
        public void Complete() => Done.TrySetResult();
        public void Fail(Exception error) => Done.TrySetResult();
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

/// <summary>One commit's connection and transaction, with the writer's statements, each prepared once for good.</summary>
internal sealed class SqliteBatch(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, SqliteCommand> statements)
{
    /// <summary>The command for <paramref name="sql"/>, in this batch's transaction, its parameters cleared for the caller to set.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            statements[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }
}
