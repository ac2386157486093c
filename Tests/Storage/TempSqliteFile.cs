namespace MagLearn.Tests.Storage;

/// <summary>A database file path in a fresh temporary folder, deleted with the folder afterwards.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maglearn-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(folder, "state.db");

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
