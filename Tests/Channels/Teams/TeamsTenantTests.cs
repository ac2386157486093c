using MagLearn.Tests.Api;
using MagLearn.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace MagLearn.Tests.Channels.Teams;

/// <summary>With <c>Teams:AllowedTenants</c> set, only those tenants' Teams get answers.</summary>
public class TeamsTenantTests : IAsyncLifetime
{
    private readonly TenantHost host = new();
    private StubChannel connector = null!;

    public async Task InitializeAsync() => connector = await StubChannel.StartAsync();

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task An_allowed_tenant_is_answered()
    {
        var chat = new TeamsChannel(connector, host.CreateClient(), "personal", TeamsChannel.Tenant);

        var replies = await chat.SaysAsync("how do I pay an invoice?");

        Assert.Contains("/learn/billing-support#", replies[0].Text);
    }

    [Fact]
    public async Task Another_tenant_gets_no_answer_and_the_log_says_which()
    {
        var chat = new TeamsChannel(connector, host.CreateClient(), "channel", "0badc0de-0000-4000-8000-000000000000");

        Assert.Empty(await chat.SaysAsync("how do I pay an invoice?"));
        Assert.Empty(await chat.InstallsAsync());
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 500 && e.Message.Contains("0badc0de-0000-4000-8000-000000000000"));
    }

    [Fact]
    public void A_tenant_that_is_not_a_guid_stops_the_host()
    {
        using var broken = new TenantHost("contoso.onmicrosoft.com");

        var error = Record.Exception(() => broken.CreateClient());

        Assert.Contains("is not a tenant id", error?.ToString());
    }

    private sealed class TenantHost(string tenant = TeamsChannel.Tenant) : MagLearnHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Teams:AllowedTenants:0", tenant);
        }
    }
}
