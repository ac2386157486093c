using Microsoft.Data.Sqlite;

namespace MagLearn.Bot.Storage;

/// <summary>Opening the bot's SQLite file the one way state and transcripts both use it.</summary>
internal static class SqliteFile
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        // Also how long a writer waits for another's transaction before giving up.
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Creates the file, its folder and the tables in <paramref name="schema"/> if they are missing.</summary>
    public static void Create(string path, string schema)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var connection = Open(ConnectionString(path));
        using var command = connection.CreateCommand();
        // WAL lets readers go on while a turn writes, and is kept in the file once set.
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + schema;
        command.ExecuteNonQuery();
    }

    /// <summary>A connection for reading: in WAL mode readers never wait for the writer.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A connection for <see cref="SqliteWriter"/>, the file's one writer in this process.</summary>
    public static SqliteConnection OpenForWriting(string connectionString)
    {
        var connection = Open(connectionString);
        using var pragma = connection.CreateCommand();
        // In WAL mode NORMAL survives a crash of the process (what a restart is); only a power cut can lose the
        // last commits, and that costs an fsync on every commit to prevent.
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Lets go of the file: the writer's connection (after what is queued is committed) and the pooled ones.</summary>
    public static void Release(string connectionString)
    {
        SqliteWriter.Close(connectionString);
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
