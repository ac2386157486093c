using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MagLearn.Tests.Storage;

/// <summary>
/// A real <c>redis-server</c>, started for the tests on a free loopback port with a throw-away folder and no
/// persistence, and stopped after them. Each <see cref="NewDatabase"/> is an empty numbered database, so tests
/// sharing the server never see each other's keys. Without redis-server installed this fails, never skips:
/// a Redis test that did not run must not look like one that passed.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const int Databases = 4096;

    private readonly string folder = Directory.CreateTempSubdirectory("maglearn-redis-").FullName;
    private Process? process;
    private int nextDatabase;

    public int Port { get; private set; }

    /// <summary>The connection string of the whole server (database 0).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var binary = Executable.Find("redis-server")
            ?? throw new InvalidOperationException(
                "redis-server is not installed, so the Redis tests cannot run. Install it with scripts/prerequisites.sh " +
                "(apt-get install redis-server); the tests start their own server on a free loopback port.");
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort.Next();
            process = Executable.Start(binary,
                ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no",
                 "--databases", Databases.ToString(), "--daemonize", "no", "--logfile", Path.Combine(folder, "redis.log")]);
            try
            {
                await WaitUntilReadyAsync(TimeSpan.FromSeconds(10));
                return;
            }
            catch (Exception e)
            {
                last = e;
                await StopAsync();
            }
        }
        throw new InvalidOperationException($"redis-server did not start: {last?.Message}\n{ReadLog()}", last);
    }

    /// <summary>A connection string to a database no other test has used.</summary>
    public string NewDatabase() => $"{ConnectionString},defaultDatabase={Interlocked.Increment(ref nextDatabase) % Databases}";

    public ConnectionMultiplexer Connect(string? connectionString = null) => ConnectionMultiplexer.Connect(connectionString ?? NewDatabase());

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process!.HasExited) throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}");
            try
            {
                using var redis = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},connectTimeout=500");
                await redis.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(folder, "redis.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private async Task StopAsync()
    {
        if (process is null) return;
        await Executable.StopAsync(process);
        process = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Tests that share one Redis server: xunit runs them one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis server";
}

/// <summary>A TCP port nobody listens on right now, on loopback.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Finding and running the servers the tests start (redis-server, nginx, the bot itself).</summary>
public static class Executable
{
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var folders = path.Split(Path.PathSeparator).Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin", "/sbin"]);
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }

    public static Process Start(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, Action<string>? output = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output?.Invoke(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills the process and whatever it started, and waits for it to be gone.</summary>
    public static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException) { }
        catch (OperationCanceledException) { }
        finally
        {
            process.Dispose();
        }
    }
}
