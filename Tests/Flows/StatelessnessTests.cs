using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MagLearn.Tests.Flows;

/// <summary>
/// A flow keeps nothing in process memory between turns: two separate bot instances (two hosts, two service
/// providers) can take turns in one conversation over one storage, and a restarted host carries on.
/// </summary>
public class StatelessnessTests
{
    private static FlowsHost HostOver(IStorage storage) =>
        FlowsHost.With(services: services =>
        {
            services.RemoveAll<IStorage>();
            services.AddSingleton(storage);
        });

    [Fact]
    public async Task A_flow_whose_turns_alternate_between_two_bot_instances_over_one_storage_reaches_its_end()
    {
        var storage = new MemoryStorage();
        using var first = HostOver(storage);
        using var second = HostOver(storage);
        Assert.NotSame(first.Bot, second.Bot);
        var conversation = Chat.NewConversation();
        var a = new Chat(first.Bot, conversation);
        var b = new Chat(second.Bot, conversation);

        Assert.StartsWith("What is happening when you try to log in?", (await a.Presses("Login help")).LastText);
        Assert.StartsWith("Do you sign in with your company login", (await b.Says("I forgot my password")).LastText);
        Assert.StartsWith("Have you tried **Forgot Password**", (await a.Says("no")).LastText);
        var resolved = await b.Says("not yet");
        Assert.Contains("/learn/login-assistance#forgot-password)", resolved.Texts[0]);
        Assert.Equal("Did that solve it?", resolved.LastText);
        Assert.Equal([Replies.Closing], (await a.Says("yes")).Texts);
    }

    [Fact]
    public async Task The_flows_progress_is_in_storage_where_any_instance_can_read_it()
    {
        var storage = new MemoryStorage();
        using var host = HostOver(storage);
        var chat = new Chat(host.Bot, Chat.NewConversation());

        await chat.Presses("Login help");
        await chat.Says("I forgot my password");

        var key = $"{chat.Conversation.ChannelId}/conversations/{chat.Conversation.Conversation.Id}";
        var saved = (await storage.ReadAsync([key], CancellationToken.None)).Single().Value;
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(saved);
        Assert.Contains("\"FlowId\":\"login-assistance\"", json);
        Assert.Contains("\"StepId\":\"password-company-login\"", json);
    }

    [Fact]
    public async Task A_flow_survives_a_restart_when_the_storage_is_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), "maglearn-flows-" + Guid.NewGuid().ToString("N") + ".db");
        var settings = new Dictionary<string, string> { ["Storage:Kind"] = "Sqlite", ["Storage:Sqlite"] = file };
        var conversation = Chat.NewConversation();
        try
        {
            using (var before = FlowsHost.With(settings))
            {
                var chat = new Chat(before.Bot, conversation);
                await chat.Presses("Change a user or company detail");
                Assert.StartsWith("Is at least one of your current Organization Administrators", (await chat.Says("the organization administrator")).LastText);
            }

            using var after = FlowsHost.With(settings);
            var resumed = await new Chat(after.Bot, conversation).Says("yes");
            Assert.Contains("/learn/change-requests#change-org-admin)", resumed.Texts[0]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
