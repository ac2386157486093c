using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace MagLearn.Tests.Api;

/// <summary>
/// A host without the sentence model still answers, by words alone: switched off for a tiny host, or because the
/// model could not be loaded. Never a 500; the log and /healthz say which and why.
/// </summary>
public class SemanticDegradeTests
{
    private sealed class HostWith(string key, string value) : MagLearnHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }

    private static async Task<JsonElement> Health(HttpClient client) =>
        (await (await client.GetAsync("/healthz")).OkJson()).GetProperty("semantic");

    [Fact]
    public async Task Switched_off_it_answers_by_words_and_says_so()
    {
        await using var host = new HostWith("Knowledge:Semantic:Enabled", "false");
        var client = host.CreateClient();

        var body = await (await client.GetAsync("/api/ask?explain=true&q=" + Uri.EscapeDataString("what payment methods are accepted for invoices"))).OkJson();

        Assert.Equal("answer", body.GetProperty("route").GetString());
        Assert.Equal("billing-support", body.GetProperty("answers")[0].GetProperty("page").GetString());
        Assert.Equal("words", body.GetProperty("explain").GetProperty("evidence").GetString());
        var semantic = await Health(client);
        Assert.Equal("off", semantic.GetProperty("status").GetString());
        Assert.Contains("Knowledge:Semantic:Enabled", semantic.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_model_that_cannot_be_loaded_leaves_the_bot_answering_and_the_reason_in_the_log_and_health()
    {
        await using var host = new HostWith("Knowledge:Semantic:ModelPath", "/nowhere/all-MiniLM-L6-v2.dll");
        var client = host.CreateClient();

        var response = await client.GetAsk("I forgot my password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dialog", (await response.Json()).GetProperty("route").GetString());
        var semantic = await Health(client);
        Assert.Equal("off", semantic.GetProperty("status").GetString());
        Assert.Contains("/nowhere/all-MiniLM-L6-v2.dll", semantic.GetProperty("reason").GetString());
        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("answering by words alone"));
    }

    [Fact]
    public async Task With_the_model_health_names_it()
    {
        await using var host = new MagLearnHost();

        var semantic = await Health(host.CreateClient());

        Assert.Equal("on", semantic.GetProperty("status").GetString());
        Assert.StartsWith("all-MiniLM-L6-v2", semantic.GetProperty("model").GetString());
    }
}
