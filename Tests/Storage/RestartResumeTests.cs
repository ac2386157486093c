using MagLearn.Tests.Support;
using System.Diagnostics;
using MagLearn.Tests.ScaleOut;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace MagLearn.Tests.Storage;

/// <summary>
/// A person halfway through a flow when the bot's process dies: a new process on the same SQLite file carries on
/// at the same step, with what the person had already answered. Both are real processes; the first is killed.
/// </summary>
public sealed class RestartResumeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempSqliteFile file = new();

    [Fact]
    public async Task A_flow_interrupted_by_a_crash_continues_at_the_same_step_with_the_answers_given()
    {
        var clock = Stopwatch.StartNew();
        var settings = new Dictionary<string, string> { ["Storage__Kind"] = "Sqlite", ["Storage__Sqlite"] = file.Path };
        await using var channel = await StubChannel.StartAsync();

        var first = await BotProcess.StartAsync(settings);
        var chat = channel.Conversation(first.Client);
        await chat.SaysAsync("I forgot my password");
        var beforeCrash = await chat.SaysAsync("no");
        Assert.Contains("Have you tried **Forgot Password**", beforeCrash.AllText);
        await first.KillAsync();
        var crashedAt = clock.Elapsed;

        await using var second = await BotProcess.StartAsync(settings);
        var backAt = clock.Elapsed;
        chat = channel.Conversation(second.Client, chat.Id);
        var afterRestart = await chat.SaysAsync("Yes, but it didn't work");
        await chat.SaysAsync("no");
        await chat.SaysAsync("no");
        var handoff = (await chat.SaysAsync("no")).Event("handoff");

        output.WriteLine($"restart-resume: crash after {crashedAt.TotalSeconds:0.0} s, new process answering {(backAt - crashedAt).TotalSeconds:0.0} s later, whole test {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains("**MAG Lite**", afterRestart.AllText);
        Assert.NotNull(handoff);
        var answers = ((JObject)handoff.Value).SelectToken("answers")!.ToDictionary(a => (string)a["step"]!, a => (string?)a["answer"]);
        Assert.Equal("I forgot my password", answers["what-is-happening"]);
        Assert.Equal("No", answers["password-company-login"]);
        Assert.Equal("Yes, but it didn't work", answers["password-tried-self-service"]);
    }

    public void Dispose() => file.Dispose();
}
