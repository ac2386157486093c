using System.Diagnostics;
using MagLearn.Tests.Storage;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.ScaleOut;

/// <summary>
/// nginx in front of bot instances on a free loopback port, with a throw-away config and folder, passing requests
/// by the deployed proxy's own rules (deploy/nginx/proxy.conf): round robin, and an instance that is down skipped.
/// Each response also names the instance that served it (<c>X-Upstream</c>).
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly string folder;
    private readonly Process process;

    private NginxProxy(string folder, Process process, int port)
    {
        this.folder = folder;
        this.process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    /// <summary>The rules compose's nginx runs with.</summary>
    public static string ProxyRules => Path.Combine(RepoPaths.Root, "deploy", "nginx", "proxy.conf");

    public HttpClient Client { get; }

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var binary = Executable.Find("nginx")
            ?? throw new InvalidOperationException("nginx is not installed: run scripts/prerequisites.sh (apt-get install nginx)");
        var folder = Directory.CreateTempSubdirectory("maglearn-nginx-").FullName;
        var output = new List<string>();
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Next();
            File.WriteAllText(Path.Combine(folder, "nginx.conf"), Config(folder, port, upstreamPorts));
            var process = Executable.Start(binary, ["-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf")], output: line => { lock (output) output.Add(line); });
            if (await AnswersAsync(port, process)) return new NginxProxy(folder, process, port);
            await Executable.StopAsync(process);
            if (attempt == 2)
            {
                var log = Path.Combine(folder, "error.log");
                throw new InvalidOperationException($"nginx did not start: {string.Join("\n", output)}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
            }
        }
    }

    private static string Config(string folder, int port, IEnumerable<int> upstreamPorts) => $$"""
        daemon off;
        master_process off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 256; }
        http {
            access_log {{folder}}/access.log;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            upstream bots {
        {{string.Concat(upstreamPorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;\n"))}}
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    include {{ProxyRules}};
                    add_header X-Upstream $upstream_addr always;
                }
            }
        }
        """;

    private static async Task<bool> AnswersAsync(int port, Process process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                await client.GetAsync($"http://127.0.0.1:{port}/healthz");
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Executable.StopAsync(process);
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
