using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MagLearn.Bot.Storage;

/// <summary>
/// Open connections for reading a SQLite file, each keeping the statements it has prepared. Every turn reads its
/// conversation's state; opening a connection and parsing the same SELECT again for each read cost more than the
/// read. A connection serves one read at a time and goes back to the pool after it, so there are never more than
/// reads at once. In WAL mode readers never wait for the writer.
/// </summary>
internal sealed class SqliteReaders(string connectionString) : IDisposable
{
    private readonly ConcurrentBag<Reader> idle = [];
    private volatile bool disposed;

    /// <summary>Runs <paramref name="sql"/> with the parameters <paramref name="bind"/> sets, and reads its rows with <paramref name="read"/>.</summary>
    public T Read<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var reader = idle.TryTake(out var kept) ? kept : new Reader(SqliteFile.Open(connectionString));
        try
        {
            var command = reader.Command(sql);
            command.Parameters.Clear();
            bind(command.Parameters);
            using var rows = command.ExecuteReader();
            return read(rows);
        }
        catch
        {
            // A connection that failed is not trusted with the next read.
            reader.Dispose();
            reader = null;
            throw;
        }
        finally
        {
            if (reader is not null)
            {
                idle.Add(reader);
                if (disposed) Dispose();
            }
        }
    }

    /// <summary>Closes every idle connection; one in use is closed when its read ends.</summary>
    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var reader)) reader.Dispose();
    }

    private sealed class Reader(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> statements = new(StringComparer.Ordinal);

        public SqliteCommand Command(string sql)
        {
            if (statements.TryGetValue(sql, out var command)) return command;
            command = connection.CreateCommand();
            command.CommandText = sql;
            return statements[sql] = command;
        }

        public void Dispose()
        {
            foreach (var statement in statements.Values) statement.Dispose();
            connection.Dispose();
        }
    }
}
