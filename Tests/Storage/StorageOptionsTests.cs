using MagLearn.Bot.Storage;

namespace MagLearn.Tests.Storage;

public class StorageOptionsTests
{
    [Fact]
    public void With_nothing_configured_state_goes_to_sqlite_in_the_data_folder_beside_the_content()
    {
        var root = Directory.CreateTempSubdirectory("maglearn-home-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "content"));
            var binaries = Directory.CreateDirectory(Path.Combine(root, "Bot", "bin", "Debug", "net10.0")).FullName;

            var options = new StorageOptions();

            Assert.Equal(StorageKind.Sqlite, options.Kind);
            Assert.Equal(Path.Combine(root, "data", "maglearn.db"), options.ResolveSqlitePath(binaries));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_absolute_sqlite_path_is_used_as_it_is()
    {
        var options = new StorageOptions { Sqlite = "/var/lib/maglearn/state.db" };

        Assert.Equal("/var/lib/maglearn/state.db", options.ResolveSqlitePath("/anywhere"));
    }

    [Fact]
    public void Redis_without_a_connection_string_is_named_as_the_problem()
    {
        var options = new StorageOptions { Kind = StorageKind.Redis };

        Assert.Contains(options.Problems(), p => p.Contains("Storage:Redis"));
    }

    [Fact]
    public void A_negative_idle_expiry_is_named_as_the_problem()
    {
        var options = new StorageOptions { IdleExpiry = TimeSpan.FromMinutes(-1) };

        Assert.Contains(options.Problems(), p => p.Contains("Storage:IdleExpiry"));
    }

    [Fact]
    public void The_defaults_have_no_problem()
    {
        Assert.Empty(new StorageOptions().Problems());
    }
}
