using System.Collections.Concurrent;
using System.Net;
using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Channels;

/// <summary>
/// In production the page's token comes from Azure Bot Service's Direct Line through the same endpoint: the host
/// trades its secret for a token bound to a <c>dl_</c> user. A stand-in for Azure on a loopback port plays
/// <c>tokens/generate</c>.
/// </summary>
public class AzureDirectLineTests : IAsyncLifetime
{
    private const string AzureSecret = "azure-direct-line-secret-never-in-a-browser";
    private readonly ConcurrentQueue<(string Authorization, JObject Body)> calls = new();
    private WebApplication? azure;
    private string azureDomain = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        azure = builder.Build();
        azure.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            calls.Enqueue((request.Headers.Authorization.ToString(), JObject.Parse(await reader.ReadToEndAsync())));
            return Results.Json(new { conversationId = "azure-conversation-1", token = "azure-token-1", expires_in = 1800 });
        });
        await azure.StartAsync();
        azureDomain = azure.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v3/directline";
    }

    public async Task DisposeAsync()
    {
        if (azure is not null) await azure.DisposeAsync();
    }

    [Fact]
    public async Task The_token_comes_from_azure_for_a_new_dl_user_and_the_secret_stays_on_the_server()
    {
        using var host = new AzureHost(azureDomain);

        var response = await host.CreateClient().PostAsync("/api/webchat/token", null);
        var text = await response.Content.ReadAsStringAsync();
        var answer = JObject.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("azure-token-1", answer.Value<string>("token"));
        Assert.Equal("azure-conversation-1", answer.Value<string>("conversationId"));
        Assert.Equal(azureDomain, answer.Value<string>("domain"));
        Assert.DoesNotContain(AzureSecret, text);
        var (authorization, body) = Assert.Single(calls);
        Assert.Equal("Bearer " + AzureSecret, authorization);
        Assert.Equal(answer.Value<string>("userId"), body["user"]!.Value<string>("id"));
        Assert.StartsWith("dl_", answer.Value<string>("userId"));
        Assert.Equal(["https://portal.example.com"], body["trustedOrigins"]!.Values<string>());
    }

    [Fact]
    public async Task With_azure_configured_the_local_direct_line_is_off_without_being_told()
    {
        using var host = new AzureHost(azureDomain);

        var start = await host.CreateClient().PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task When_azure_cannot_be_reached_the_page_gets_a_502_not_a_crash()
    {
        using var host = new AzureHost("http://127.0.0.1:9/v3/directline");

        var response = await host.CreateClient().PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(AzureSecret, await response.Content.ReadAsStringAsync());
    }

    private sealed class AzureHost(string domain) : MagLearnHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DirectLine:Azure:Secret", AzureSecret);
            builder.UseSetting("DirectLine:Azure:Domain", domain);
            builder.UseSetting("WebChat:AllowedOrigins:0", "https://portal.example.com");
        }
    }
}
