using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using MagLearn.Tests.Storage;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.ScaleOut;

/// <summary>
/// The bot as it is deployed: its own process (<c>dotnet MagLearn.Bot.dll</c>, built with the tests), listening on
/// a free loopback port, configured only through environment variables, stopped by killing it.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private BotProcess(Process process, ConcurrentQueue<string> output, Uri url)
    {
        this.process = process;
        this.output = output;
        Url = url;
        Client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Url { get; }

    public int Port => Url.Port;

    public HttpClient Client { get; }

    public string Output => string.Join("\n", output);

    public bool HasExited => process.HasExited;

    /// <summary>The bot's assembly from the same build (Debug or Release) as these tests.</summary>
    public static string Assembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            var path = Path.Combine(RepoPaths.Root, "Bot", "bin", configuration, "net10.0", "MagLearn.Bot.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution first");
        }
    }

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        // Anonymous unless the settings say otherwise.
        var environment = new Dictionary<string, string>
        {
            ["Knowledge__WatchContent"] = "false",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
        };
        foreach (var (key, value) in settings) environment[key] = value;
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var process = Executable.Start(dotnet, [Assembly, "--urls", "http://127.0.0.1:0"], environment, line =>
        {
            output.Enqueue(line);
            if (ListeningOn().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        });
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the bot exited while starting"));
        try
        {
            var url = await listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
            return new BotProcess(process, output, url);
        }
        catch (Exception e)
        {
            await Executable.StopAsync(process);
            throw new InvalidOperationException($"the bot did not start: {e.Message}\n{string.Join("\n", output)}", e);
        }
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug does: no graceful shutdown, nothing flushed.</summary>
    public Task KillAsync() => Executable.StopAsync(process);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Executable.StopAsync(process);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
