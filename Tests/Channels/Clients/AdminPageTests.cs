using MagLearn.Bot.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Channels.Clients;

/// <summary>
/// /admin in Debian's Chromium (Tests/Clients/admin.test.mjs) over a month of traffic seeded through the real bot
/// by the seed-history command's seeder, on a host of its own with an admin key.
/// </summary>
public class AdminPageTests : IClassFixture<AdminPageTests.AdminHost>
{
    private readonly AdminHost host;

    public AdminPageTests(AdminHost host) => this.host = host;

    public sealed class AdminHost() : ChannelsHost(new Dictionary<string, string?> { ["Admin:ApiKey"] = Key })
    {
        public const string Key = "admin-page-test-key-0123456789";
    }

    [Fact]
    public async Task The_admin_pages_pass_in_the_browser_over_a_seeded_month()
    {
        var seeder = ActivatorUtilities.CreateInstance<HistorySeeder>(host.Services);
        var seeded = await seeder.SeedAsync(30, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        Assert.True(seeded.Conversations > 300, $"{seeded.Conversations} conversations seeded");

        var (exitCode, output) = await NodeClientTests.RunNodeAsync("admin.test.mjs", host,
            new Dictionary<string, string> { ["MAGLEARN_ADMIN_KEY"] = AdminHost.Key });

        Assert.True(exitCode == 0, $"node --test admin.test.mjs exited {exitCode}:\n{output}");
        Assert.Matches(@"# fail 0\b", output);
        Assert.Matches(@"# pass 4\b", output);
    }
}
