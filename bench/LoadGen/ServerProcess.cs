using System.Diagnostics;

namespace MagLearn.LoadGen;

/// <summary>
/// A bot host started for one measurement, on its own loopback port. Reads its CPU time and peak resident
/// memory from /proc, so the figures are the server's own and not the load generator's.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    public Uri BaseUri { get; }

    private ServerProcess(Process process, Uri baseUri)
    {
        this.process = process;
        BaseUri = baseUri;
    }

    /// <summary>
    /// The settings the bench runs the bot with: content not watched, conversation state in a file of the run's
    /// own, and the local Direct Line on with a secret the load knows.
    /// </summary>
    public static Dictionary<string, string> BotEnvironment(string sqliteFile) => new()
    {
        ["Knowledge__WatchContent"] = "false",
        // Sixteen users at full speed from one address are a flood by the deployed limits: the bench measures turns.
        ["Limits__Enabled"] = "false",
        ["Storage__Sqlite"] = sqliteFile,
        ["DirectLine__Local__Enabled"] = "true",
        ["DirectLine__Local__Secret"] = DirectLineClient.Secret,
    };

    /// <param name="log">Where the server's console output goes: a file, as a deployed host's log would, so that
    /// reading it costs the load generator (on the same cores) nothing.</param>
    public static async Task<ServerProcess> StartAsync(string dll, int port, IDictionary<string, string> environment, string log)
    {
        // exec: the shell becomes the server, so the process measured is the server itself.
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec dotnet \"$0\" --urls \"$1\" >\"$2\" 2>&1", dll, $"http://127.0.0.1:{port}", log])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);

        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}; its output is in {log}");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} did not become healthy in 60 s");
    }

    /// <summary>User plus system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The most resident memory the server has had (VmHWM), in MiB.</summary>
    public double PeakResidentMiB => StatusMiB("VmHWM:");

    /// <summary>The server's resident memory now (VmRSS), in MiB.</summary>
    public double ResidentMiB => StatusMiB("VmRSS:");

    private double StatusMiB(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
