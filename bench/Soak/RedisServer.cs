using System.Diagnostics;

namespace MagLearn.Soak;

/// <summary>
/// A redis-server of the soak's own, as the tests start theirs: a free loopback port (never another server's), a
/// throw-away folder, no persistence, and noeviction, the policy the bot's Redis storage expects (a key goes only
/// when it expires). Read and stopped through redis-cli and the process itself, so the soak needs no Redis client.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private RedisServer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("maglearn-soak-redis-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Find("redis-server"))
        {
            ArgumentList =
            {
                "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no",
                "--maxmemory-policy", "noeviction", "--daemonize", "no", "--logfile", Path.Combine(folder, "redis.log"),
            },
        };
        var server = new RedisServer(Process.Start(start)!, folder, port);
        var deadline = Stopwatch.StartNew();
        while ((await server.CliAsync("ping")).Trim() != "PONG")
        {
            if (server.process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not answer on port {port}");
            }
            await Task.Delay(50);
        }
        return server;
    }

    /// <summary>What Redis holds, keys and values with its own overhead (<c>used_memory</c>), in MiB.</summary>
    public async Task<double> UsedMemoryMiBAsync()
    {
        var info = await CliAsync("info", "memory");
        var line = info.Split('\n').First(l => l.StartsWith("used_memory:", StringComparison.Ordinal));
        return long.Parse(line["used_memory:".Length..].Trim()) / (1024.0 * 1024.0);
    }

    private async Task<string> CliAsync(params string[] command)
    {
        var start = new ProcessStartInfo(Find("redis-cli")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString() }.Concat(command)) start.ArgumentList.Add(argument);
        using var cli = Process.Start(start)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output;
    }

    private static string Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin")
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not installed (apt-get install redis-server); the Redis soak starts its own server");

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
