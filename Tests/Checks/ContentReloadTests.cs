using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MagLearn.Bot.Checks;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Menu;
using MagLearn.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Checks;

/// <summary>
/// Files saved while the bot runs: a change that checks out goes live, a broken one leaves the last good version
/// serving and the report (and the admin API) names file, line and problem. Each test runs a host over its own copy.
/// </summary>
public sealed class ContentReloadTests : IDisposable
{
    /// <summary>How long a saved file may take to be noticed, checked and applied on a busy machine; never waited out when it works.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ContentCopy copy = new();
    private readonly CheckedHost host;

    public ContentReloadTests()
    {
        // Words alone: what is under test is the reload, and the router trains in seconds without the model.
        host = new CheckedHost(copy, ("Knowledge:WatchContent", "true"), ("Knowledge:Semantic:Enabled", "false"));
        _ = host.Services;
    }

    public void Dispose()
    {
        host.Dispose();
        copy.Dispose();
    }

    private ContentReload Reload => host.Services.GetRequiredService<ContentReload>();
    private FlowCatalog Flows => host.Services.GetRequiredService<FlowCatalog>();

    /// <summary>The first report after now that matches, signalled by the reload itself.</summary>
    private Task<ValidationReport> NextReport(Func<ValidationReport, bool> matches)
    {
        var seen = new TaskCompletionSource<ValidationReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        Reload.Checked += report =>
        {
            if (matches(report)) seen.TrySetResult(report);
        };
        return seen.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task An_invalid_flow_saved_while_running_keeps_the_last_good_flow_serving_and_the_report_names_file_and_line()
    {
        const string file = "dialogs/login-assistance.yaml";
        var served = Flows.Find("login-assistance")!;
        var choice = served.Steps.OfType<ChoiceStep>().First().Choices[0];
        var lines = copy.Read(file).Split('\n');
        lines[choice.Line - 1] = lines[choice.Line - 1].Replace($"goto: {choice.Goto}", "goto: no-such-step");
        var broken = NextReport(r => !r.Valid);

        copy.Write(file, string.Join('\n', lines));
        var report = await broken;

        Assert.Same(served, Flows.Find("login-assistance"));
        var issue = Assert.Single(report.Problems, p => p.Message.Contains("unknown step 'no-such-step'"));
        Assert.Equal((Path.Combine("dialogs", "login-assistance.yaml"), choice.Line), (issue.File, issue.Line));
    }

    [Fact]
    public async Task The_report_is_on_the_admin_api_behind_the_key()
    {
        var broken = NextReport(r => !r.Valid);
        copy.Write("content/synonyms.txt", copy.Read("content/synonyms.txt") + "\npassword => secret => pass phrase\n");
        var line = copy.LineOf("content/synonyms.txt", "password => secret");
        await broken;
        using var client = host.CreateClient();

        var refused = await client.GetAsync("/admin/api/content/report");
        client.DefaultRequestHeaders.Add("X-Api-Key", CheckedHost.AdminKey);
        var body = await client.GetFromJsonAsync<JsonElement>("/admin/api/content/report");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(body.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(body.GetProperty("problems").EnumerateArray());
        Assert.Equal(Path.Combine("content", "synonyms.txt"), problem.GetProperty("file").GetString());
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Contains("does not parse", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_page_broken_while_running_keeps_its_last_good_version_answering()
    {
        var knowledge = host.Services.GetRequiredService<KnowledgeBase>();
        var before = knowledge.Current;
        var broken = NextReport(r => !r.Valid);

        copy.Write("content/learn/billing-support.md", "---\nid: billing-support\ntitle: [Billing\n---\n\n## Invoices\n\nPay them.\n");
        var report = await broken;

        Assert.Same(before, knowledge.Current);
        Assert.NotNull(knowledge.Current.Library.Find("billing-support"));
        Assert.Contains(report.Problems, p => p.File == Path.Combine("content", "learn", "billing-support.md") && p.Line > 0);
    }

    [Fact]
    public async Task A_valid_flow_change_goes_live_without_a_restart()
    {
        const string file = "dialogs/change-request.yaml";
        var title = Flows.Find("change-request")!.Title;
        var applied = NextReport(r => r.Valid && Flows.Find("change-request")?.Title == "Change my details, renamed");

        copy.Write(file, copy.Read(file).Replace($"title: {title}", "title: Change my details, renamed"));

        Assert.True((await applied).Valid);
    }

    [Fact]
    public async Task A_help_menu_change_goes_live_and_one_naming_a_missing_flow_is_refused_with_its_line()
    {
        const string file = "dialogs/welcome/help-areas.yaml";
        var menu = host.Services.GetRequiredService<HelpMenu>();
        var first = menu.Areas[0];
        var renamed = NextReport(r => r.Valid && menu.Find("Sign-in help") is not null);

        copy.Write(file, copy.Read(file).Replace($"title: {first.Title}", "title: Sign-in help"));
        await renamed;
        var line = copy.LineOf(file, "title: Sign-in help");
        var refused = NextReport(r => !r.Valid);
        copy.Write(file, copy.Read(file).Replace($"flow: {first.Flow}", "flow: no-such-flow"));
        var report = await refused;

        Assert.Equal(first.Flow, menu.Find("Sign-in help")!.Flow);
        Assert.Contains(report.Problems, p => p.File == Path.Combine("dialogs", "welcome", "help-areas.yaml") && p.Line == line && p.Message.Contains("unknown flow 'no-such-flow'"));
    }
}
