using MagLearn.Tests.Support;
using System.Diagnostics;
using MagLearn.Tests.Storage;

namespace MagLearn.Tests.ScaleOut;

/// <summary>
/// The deployment of deploy/compose.yaml on loopback: a redis-server, two bot processes on Redis storage, and
/// nginx spreading requests between them round robin. A stub channel plays Web Chat.
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    private readonly RedisServer redis = new();

    public BotProcess First { get; private set; } = null!;
    public BotProcess Second { get; private set; } = null!;
    public NginxProxy Nginx { get; private set; } = null!;
    public StubChannel Channel { get; private set; } = null!;

    /// <summary>How long the cluster took to come up, for the record.</summary>
    public TimeSpan StartTime { get; private set; }

    public const string AdminKey = "scale-out-admin-key-0123456789";

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await redis.InitializeAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Kind"] = "Redis",
            ["Storage__Redis"] = redis.NewDatabase(),
            ["Admin__ApiKey"] = AdminKey,
        };
        var instances = await Task.WhenAll(BotProcess.StartAsync(settings), BotProcess.StartAsync(settings));
        (First, Second) = (instances[0], instances[1]);
        Nginx = await NginxProxy.StartAsync([First.Port, Second.Port]);
        Channel = await StubChannel.StartAsync();
        StartTime = clock.Elapsed;
    }

    /// <summary>A new person's conversation, every turn of it through nginx.</summary>
    public ChannelConversation NewConversation() => Channel.Conversation(Nginx.Client);

    /// <summary>Which instance a served-by address (nginx's <c>$upstream_addr</c>) is.</summary>
    public string Which(string? servedBy) =>
        servedBy?.Split(',').Last().Trim() switch
        {
            var a when a == $"127.0.0.1:{First.Port}" => "first",
            var a when a == $"127.0.0.1:{Second.Port}" => "second",
            var a => $"unknown ({a})",
        };

    public async Task DisposeAsync()
    {
        if (Channel is not null) await Channel.DisposeAsync();
        if (Nginx is not null) await Nginx.DisposeAsync();
        if (First is not null) await First.DisposeAsync();
        if (Second is not null) await Second.DisposeAsync();
        await redis.DisposeAsync();
    }
}
