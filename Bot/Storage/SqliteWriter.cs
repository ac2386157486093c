using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace MagLearn.Bot.Storage;

/// <summary>
/// The one writer of a SQLite file within the process, committing the writes of many turns together (group
/// commit). Each caller's write runs inside its own savepoint of a shared immediate transaction, so it is still
/// all or nothing on its own: a write that throws (an ETag conflict) is rolled back alone and its caller gets the
/// exception, while the others commit. A caller's task completes only once its write is committed, so nothing a
/// turn wrote is acknowledged before it is in the file.
///
/// Why: SQLite takes one writer at a time and every commit is a round through the write-ahead log. Turns that
/// each opened their own transaction queued behind one another on a lock, and that queue, not the work, was what
/// an answer turn waited for under load. One transaction for everything that arrived meanwhile costs one commit.
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

    /// <summary>Runs <paramref name="write"/> in the next commit; completes when that commit is in the file.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        var work = new Work<T>(write);
        if (!queue.Writer.TryWrite(work)) throw new InvalidOperationException("the SQLite writer has stopped");
        return work.Done.Task;
    }

    public Task WriteAsync(Action<SqliteConnection, SqliteTransaction> write) =>
        WriteAsync((connection, transaction) =>
        {
            write(connection, transaction);
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

    private void Commit(List<IWork> batch)
    {
        try
        {
            using var connection = SqliteFile.OpenForWriting(connectionString);
            // IMMEDIATE: the write lock is taken before any write reads what it checks (an ETag), so another
            // process sharing the file cannot slip in between.
            using var transaction = connection.BeginTransaction(deferred: false);
            var applied = new List<IWork>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "w" + i;
                transaction.Save(savepoint);
                try
                {
                    batch[i].Apply(connection, transaction);
                    transaction.Release(savepoint);
                    applied.Add(batch[i]);
                }
                catch (Exception e)
                {
                    transaction.Rollback(savepoint);
                    transaction.Release(savepoint);
                    batch[i].Fail(e);
                }
            }
            transaction.Commit();
            foreach (var work in applied) work.Complete();
        }
        catch (Exception e)
        {
            // The file could not be opened or the commit failed: nothing of this batch was kept.
            foreach (var work in batch) work.Fail(e);
        }
    }

    private interface IWork
    {
        void Apply(SqliteConnection connection, SqliteTransaction transaction);
        void Complete();
        void Fail(Exception error);
    }

    private sealed class Work<T>(Func<SqliteConnection, SqliteTransaction, T> write) : IWork
    {
        private T? result;

        // Completed off the writer's thread, so no caller's continuation runs inside the next batch.
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Apply(SqliteConnection connection, SqliteTransaction transaction) => result = write(connection, transaction);
        public void Complete() => Done.TrySetResult(result!);
        public void Fail(Exception error) => Done.TrySetException(error);
    }
}
