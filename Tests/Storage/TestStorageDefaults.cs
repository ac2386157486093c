using System.Runtime.CompilerServices;

namespace MagLearn.Tests.Storage;

/// <summary>
/// Every host a test starts keeps conversation state in memory unless the test chooses a storage itself: the bot's
/// own default, a SQLite file in the repository's data folder, would carry one run's conversations into the next.
/// </summary>
internal static class TestStorageDefaults
{
    [ModuleInitializer]
    internal static void InMemoryUnlessChosen()
    {
        if (Environment.GetEnvironmentVariable("Storage__Kind") is null)
            Environment.SetEnvironmentVariable("Storage__Kind", "Memory");
    }
}
