using MagLearn.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MagLearn.Tests.Limits;

/// <summary>
/// The limits are on unless a setting turns them off, for a caller on the bot's own machine as for anyone: a
/// deployment that forgets the section is limited, and only a benchmark that says so is not.
/// </summary>
public class DefaultsTests
{
    [Fact]
    public async Task With_nothing_said_a_caller_on_this_machine_is_limited()
    {
        using var host = new HostWith(new() { ["Limits:Ask:PerAddress"] = "2" });

        var statuses = await AskThreeTimesFromLoopback(host);

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task Turned_off_by_configuration_nobody_is_limited()
    {
        using var host = new HostWith(new() { ["Limits:Ask:PerAddress"] = "2", ["Limits:Enabled"] = "false" });

        var statuses = await AskThreeTimesFromLoopback(host);

        Assert.Equal([200, 200, 200], statuses);
    }

    private static async Task<List<int>> AskThreeTimesFromLoopback(HostWith host)
    {
        _ = host.CreateClient();
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++) statuses.Add((await host.Server.SendAsync("127.0.0.1", "GET", "/api/ask?q=invoice")).Status);
        return statuses;
    }

    /// <summary>The bot as it ships, but for the settings given: not the test hosts' base, which turns limits off.</summary>
    private sealed class HostWith(Dictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Knowledge:WatchContent", "false");
            builder.UseSetting("Storage:Kind", "Memory");
            builder.UseSetting("Transcripts:Enabled", "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
