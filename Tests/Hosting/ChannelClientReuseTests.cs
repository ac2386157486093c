using System.Security.Claims;
using MagLearn.Bot.Hosting;
using MagLearn.Tests.Api;
using MagLearn.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace MagLearn.Tests.Hosting;

/// <summary>
/// The Connector client the framework builds for a turn is kept for the next turns to the same channel, and the
/// user-token client is only built when something signs a person in.
/// </summary>
public class ChannelClientReuseTests
{
    private static readonly ClaimsIdentity Anonymous = new([new Claim(AuthenticationConstants.AppIdClaim, "")]);

    private readonly Mock<BotFrameworkAuthentication> framework = new();
    private readonly List<Mock<IConnectorClient>> built = [];
    private int userTokenClientsBuilt;

    public ChannelClientReuseTests()
    {
        var factory = new Mock<ConnectorFactory>();
        factory.Setup(f => f.CreateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string serviceUrl, string _, CancellationToken _) =>
            {
                var client = new Mock<IConnectorClient>();
                client.SetupGet(c => c.BaseUri).Returns(new Uri(serviceUrl));
                built.Add(client);
                return client.Object;
            });
        framework.Setup(f => f.CreateConnectorFactory(It.IsAny<ClaimsIdentity>())).Returns(factory.Object);
        framework.Setup(f => f.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                userTokenClientsBuilt++;
                var client = new Mock<UserTokenClient>();
                client.Setup(c => c.GetUserTokenAsync("u1", "aad", "msteams", null, It.IsAny<CancellationToken>()))
                    .ReturnsAsync(new TokenResponse(token: "t"));
                return client.Object;
            });
    }

    private async Task<IConnectorClient> TurnClientAsync(ReusingBotFrameworkAuthentication auth, string serviceUrl)
    {
        // What CloudAdapterBase does with it: use it for the turn, then dispose it.
        var client = await auth.CreateConnectorFactory(Anonymous).CreateAsync(serviceUrl, "https://api.botframework.com", CancellationToken.None);
        client.Dispose();
        return client;
    }

    [Fact]
    public async Task No_client_is_built_for_a_service_url_replies_may_not_go_to()
    {
        var auth = new ReusingBotFrameworkAuthentication(framework.Object, mayReplyTo: url => url == "http://127.0.0.1:9/");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => TurnClientAsync(auth, "http://169.254.169.254/"));
        await TurnClientAsync(auth, "http://127.0.0.1:9/");

        Assert.Single(built);
    }

    [Fact]
    public async Task Turns_to_the_same_channel_share_one_client_that_the_end_of_a_turn_does_not_close()
    {
        var auth = new ReusingBotFrameworkAuthentication(framework.Object);

        for (var turn = 0; turn < 5; turn++) await TurnClientAsync(auth, "https://smba.example/emea/");

        var only = Assert.Single(built);
        only.Verify(c => c.Dispose(), Times.Never);
        Assert.Equal(1, auth.KeptClients);
    }

    [Fact]
    public async Task Each_service_url_gets_a_client_of_its_own()
    {
        var auth = new ReusingBotFrameworkAuthentication(framework.Object);

        var emea = await TurnClientAsync(auth, "https://smba.example/emea/");
        var amer = await TurnClientAsync(auth, "https://smba.example/amer/");

        Assert.Equal(2, built.Count);
        Assert.Equal(new Uri("https://smba.example/emea/"), emea.BaseUri);
        Assert.Equal(new Uri("https://smba.example/amer/"), amer.BaseUri);
    }

    [Fact]
    public async Task Past_the_limit_a_turn_builds_and_disposes_its_own_client_as_the_framework_does()
    {
        var auth = new ReusingBotFrameworkAuthentication(framework.Object);
        for (var i = 0; i < ReusingBotFrameworkAuthentication.MaxKeptClients; i++) await TurnClientAsync(auth, $"https://made-up-{i}.example/");

        await TurnClientAsync(auth, "https://one-too-many.example/");
        await TurnClientAsync(auth, "https://one-too-many.example/");

        Assert.Equal(ReusingBotFrameworkAuthentication.MaxKeptClients, auth.KeptClients);
        Assert.Equal(ReusingBotFrameworkAuthentication.MaxKeptClients + 2, built.Count);
        built[^1].Verify(c => c.Dispose(), Times.Once);
        built[^2].Verify(c => c.Dispose(), Times.Once);
    }

    [Fact]
    public async Task A_turn_that_signs_nobody_in_builds_no_user_token_client()
    {
        var auth = new ReusingBotFrameworkAuthentication(framework.Object);

        using (await auth.CreateUserTokenClientAsync(Anonymous, CancellationToken.None)) { }

        Assert.Equal(0, userTokenClientsBuilt);
    }

    [Fact]
    public async Task The_user_token_client_is_built_once_when_first_used()
    {
        var auth = new ReusingBotFrameworkAuthentication(framework.Object);
        using var client = await auth.CreateUserTokenClientAsync(Anonymous, CancellationToken.None);

        var first = await client.GetUserTokenAsync("u1", "aad", "msteams", null, CancellationToken.None);
        var second = await client.GetUserTokenAsync("u1", "aad", "msteams", null, CancellationToken.None);

        Assert.Equal("t", first.Token);
        Assert.Equal("t", second.Token);
        Assert.Equal(1, userTokenClientsBuilt);
    }
}

/// <summary>The same through the real host: many turns to one channel, one kept client, every reply delivered.</summary>
[Collection(HostCollection.Name)]
public class ChannelClientReuseOverHttpTests(MagLearnHost host)
{
    [Fact]
    public async Task Every_reply_of_many_turns_reaches_the_channel_over_one_kept_client()
    {
        var auth = (ReusingBotFrameworkAuthentication)host.Services.GetRequiredService<BotFrameworkAuthentication>();
        await using var channel = await StubChannel.StartAsync();
        var keptBefore = auth.KeptClients;
        var bot = host.CreateClient();

        var turns = new List<Turn>();
        foreach (var conversation in new[] { channel.Conversation(bot), channel.Conversation(bot) })
        {
            turns.Add(await conversation.SaysAsync("how do I pay an invoice?"));
            turns.Add(await conversation.SaysAsync("what is a one time password?"));
        }

        Assert.All(turns, turn => Assert.NotEmpty(turn.Texts));
        Assert.Equal(keptBefore + 1, auth.KeptClients);
    }
}
