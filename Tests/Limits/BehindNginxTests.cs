using System.Net;
using System.Net.Sockets;
using MagLearn.Tests.ScaleOut;

namespace MagLearn.Tests.Limits;

/// <summary>
/// The bot behind nginx, as deployed: every request reaches the bot from nginx's address, and only nginx's
/// <c>X-Forwarded-For</c> says who the client was. Two people behind the same proxy get a bucket each, and a client
/// cannot borrow another's by naming it. The clients are real sockets from different loopback addresses.
/// </summary>
public sealed class BehindNginxTests : IClassFixture<BehindNginxTests.BotBehindNginx>
{
    private readonly BotBehindNginx deployment;

    public BehindNginxTests(BotBehindNginx deployment) => this.deployment = deployment;

    [Fact]
    public async Task Two_clients_behind_the_proxy_are_counted_apart()
    {
        using var first = deployment.ClientFrom("127.0.0.2");
        using var second = deployment.ClientFrom("127.0.0.3");

        var firsts = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) firsts.Add((await first.GetAsync("api/ask?q=invoice")).StatusCode);
        var secondsFirst = (await second.GetAsync("api/ask?q=invoice")).StatusCode;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firsts);
        Assert.Equal(HttpStatusCode.OK, secondsFirst);
    }

    [Fact]
    public async Task A_client_naming_another_address_is_still_counted_as_itself()
    {
        using var liar = deployment.ClientFrom("127.0.0.4");
        liar.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.5");
        using var named = deployment.ClientFrom("127.0.0.5");

        var liars = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) liars.Add((await liar.GetAsync("api/ask?q=invoice")).StatusCode);
        var namedFirst = (await named.GetAsync("api/ask?q=invoice")).StatusCode;

        Assert.Equal(HttpStatusCode.TooManyRequests, liars[^1]);
        Assert.Equal(HttpStatusCode.OK, namedFirst);
    }

    public sealed class BotBehindNginx : IAsyncLifetime
    {
        private BotProcess bot = null!;
        private NginxProxy nginx = null!;

        public async Task InitializeAsync()
        {
            bot = await BotProcess.StartAsync(new Dictionary<string, string>
            {
                ["Storage__Kind"] = "Memory",
                ["Limits__Enabled"] = "true",
                ["Limits__Ask__PerAddress"] = "3",
            });
            nginx = await NginxProxy.StartAsync([bot.Port]);
        }

        /// <summary>A client whose connections to nginx come from <paramref name="address"/> (any 127.x is this machine).</summary>
        public HttpClient ClientFrom(string address) => new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{nginx.Port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };

        public async Task DisposeAsync()
        {
            if (nginx is not null) await nginx.DisposeAsync();
            if (bot is not null) await bot.DisposeAsync();
        }
    }
}
