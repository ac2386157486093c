namespace MagLearn.Bot.Seeding;

/// <summary>
/// <c>dotnet run --project Bot -- seed-history [--days N]</c>: writes N days (30 unless told) of traffic ending
/// yesterday through the real bot into the configured store, so /admin has a history to show on a fresh machine.
/// </summary>
public static class SeedHistoryCommand
{
    public const string Name = "seed-history";

    /// <summary>The content does not change while the history is written: no watcher.</summary>
    public static readonly IEnumerable<KeyValuePair<string, string?>> Settings = [new("Knowledge:WatchContent", "false")];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var days = 30;
        var at = Array.IndexOf(args, "--days");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], out days) || days is < 1 or > 366))
        {
            output.WriteLine("seed-history: --days takes a number from 1 to 366");
            return 2;
        }
        var yesterday = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-1);
        var seeded = await ActivatorUtilities.CreateInstance<HistorySeeder>(services).SeedAsync(days, yesterday);
        output.WriteLine($"seed-history: {seeded.Conversations} conversations, {seeded.Messages} messages over {seeded.Days} days up to {yesterday:yyyy-MM-dd}");
        return 0;
    }
}
