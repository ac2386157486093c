using System.Diagnostics;
using System.IO.Compression;
using MagLearn.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Channels.Teams;

/// <summary>deploy/teams/build-package.sh: the zip an admin uploads to Teams, built from the manifest and icons.</summary>
public class TeamsPackageTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "maglearn-teams-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_package_has_the_filled_manifest_and_both_icons_at_its_root()
    {
        var (exit, log) = await BuildAsync("11111111-2222-3333-4444-555555555555", "maglearn.example.com");

        Assert.True(exit == 0, log);
        using var zip = ZipFile.OpenRead(Path.Combine(output, "maglearn-teams.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JObject.Parse(await reader.ReadToEndAsync());
        Assert.Equal("11111111-2222-3333-4444-555555555555", manifest["bots"]![0]!.Value<string>("botId"));
        Assert.Equal("11111111-2222-3333-4444-555555555555", manifest.Value<string>("id"));
        Assert.Equal(["maglearn.example.com"], manifest["validDomains"]!.Values<string>());
        Assert.DoesNotContain("${{", manifest.ToString());
    }

    [Theory]
    [InlineData("not-a-guid", "maglearn.example.com", "MICROSOFT_APP_ID is not a GUID")]
    [InlineData("11111111-2222-3333-4444-555555555555", "https://maglearn.example.com/", "BOT_DOMAIN must be a host name")]
    public async Task A_bad_bot_id_or_domain_builds_no_package(string appId, string domain, string problem)
    {
        var (exit, log) = await BuildAsync(appId, domain);

        Assert.NotEqual(0, exit);
        Assert.Contains(problem, log);
        Assert.False(File.Exists(Path.Combine(output, "maglearn-teams.zip")));
    }

    private async Task<(int, string)> BuildAsync(string appId, string domain)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "deploy", "teams", "build-package.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MICROSOFT_APP_ID"] = appId;
        start.Environment["BOT_DOMAIN"] = domain;
        start.Environment["OUT_DIR"] = output;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    }
}
