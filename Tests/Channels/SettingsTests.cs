using System.Net;
using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Hosting;

namespace MagLearn.Tests.Channels;

/// <summary>Channel settings are checked when the host starts, and a Direct Line that is off is not there.</summary>
public class SettingsTests
{
    [Theory]
    [InlineData("MicrosoftAppId", "00000000-0000-0000-0000-000000000001", "cannot run with MicrosoftAppId set")]
    [InlineData("DirectLine:Azure:Secret", "an-azure-direct-line-secret", "choose one Direct Line")]
    [InlineData("DirectLine:Local:TokenLifetimeSeconds", "0", "TokenLifetimeSeconds must be at least 1")]
    [InlineData("WebChat:AllowedOrigins:0", "https://portal.example.com/login", "is not an origin")]
    [InlineData("WebChat:PageFlows:billing", "pay-an-invoice", "billing → pay-an-invoice")]
    [InlineData("Limits:Tokens:PerAddress", "-1", "Limits:Tokens:PerAddress must not be negative")]
    public void A_local_direct_line_with_unusable_settings_stops_the_host_naming_the_problem(string key, string value, string problem)
    {
        using var host = new SettingsHost(new() { ["DirectLine:Local:Enabled"] = "true", [key] = value });

        var error = Record.Exception(() => host.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(problem, error.ToString());
    }

    [Fact]
    public async Task With_no_direct_line_configured_the_token_endpoint_says_so_and_the_local_one_is_absent()
    {
        using var host = new SettingsHost(new() { ["DirectLine:Local:Enabled"] = "false" });
        var http = host.CreateClient();

        var token = await http.PostAsync("/api/webchat/token", null);
        var start = await http.PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task One_client_asking_for_tokens_too_fast_is_told_to_slow_down()
    {
        using var host = new SettingsHost(new() { ["DirectLine:Local:Enabled"] = "true", ["Limits:Enabled"] = "true", ["Limits:Tokens:PerAddress"] = "2" });
        var http = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await http.PostAsync("/api/webchat/token", null)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_registered_bot_has_no_local_direct_line_unless_asked()
    {
        using var host = new SettingsHost(new() { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001", ["MicrosoftAppPassword"] = "not-used-here" });
        var http = host.CreateClient();

        var start = await http.PostAsync("/v3/directline/conversations", null);
        var token = await http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
    }

    [Fact]
    public void Instances_sharing_state_in_redis_have_no_local_direct_line_unless_asked()
    {
        // Never started: the choice is made from the settings alone, so no Redis server is needed.
        var options = new MagLearn.Bot.Channels.DirectLine.DirectLineOptions();

        options.ChooseDefault(microsoftAppId: "", sharedState: true);

        Assert.False(options.Local.IsOn);
    }

    [Fact]
    public async Task The_embedded_bot_has_its_local_direct_line_without_being_asked()
    {
        using var host = new SettingsHost(new());

        var token = await host.CreateClient().PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    private sealed class SettingsHost(Dictionary<string, string> settings) : MagLearnHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
