using System.Diagnostics;
using System.Text;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Channels.Clients;

/// <summary>
/// The real clients, run by Node against the real host on its loopback port: botframework-directlinejs over both
/// transports, Web Chat and the portal widget in Debian's Chromium (playwright-core), and the Teams manifest
/// validator. Each file in Tests/Clients is one test here; the Node output (every check, by name) is the message
/// when it fails. Screenshots land in Tests/Clients/output/.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class NodeClientTests(ChannelsHost host)
{
    public static readonly string ClientsFolder = Path.Combine(RepoPaths.Root, "Tests", "Clients");

    [Theory]
    [InlineData("directline.test.mjs")]
    [InlineData("webchat.test.mjs")]
    [InlineData("widget.test.mjs")]
    [InlineData("teams-manifest.test.mjs")]
    public async Task The_node_clients_pass(string file)
    {
        var (exitCode, output) = await RunNodeAsync(file, host);

        Assert.True(exitCode == 0, $"node --test {file} exited {exitCode}:\n{output}");
        Assert.Matches(@"# fail 0\b", output);
        Assert.DoesNotMatch(@"# pass 0\b", output);
    }

    public static async Task<(int ExitCode, string Output)> RunNodeAsync(string file, ChannelsHost? host, IReadOnlyDictionary<string, string>? environment = null)
    {
        Assert.True(Directory.Exists(Path.Combine(ClientsFolder, "node_modules")),
            "Tests/Clients/node_modules is missing: run scripts/prerequisites.sh (npm ci in Tests/Clients)");
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=tap", "--test-concurrency=1", file])
        {
            WorkingDirectory = ClientsFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (host is not null)
        {
            start.Environment["MAGLEARN_BOT_URL"] = host.BaseUrl;
            start.Environment["MAGLEARN_PORTAL_PORT"] = host.PortalPagePort.ToString();
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var node = Process.Start(start)!;
        var output = new StringBuilder();
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out after 3 minutes)");
        }
        node.WaitForExit();
        return (node.ExitCode, output.ToString());
    }
}
