using MagLearn.Tests.Support;
using System.Diagnostics;
using System.Net;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace MagLearn.Tests.ScaleOut;

/// <summary>
/// The login flow walked to a hand-off, nine turns, through nginx, so its turns alternate between the two
/// instances; each instance reads the state the other wrote in Redis.
/// </summary>
public sealed class AlternatingInstances : IAsyncLifetime
{
    public static readonly string[] Walk =
    [
        "I forgot my password", "no", "Yes, but it didn't work", "no", "no", "yes", "smithj_1234", "EXO4711",
        "It says Login Requirements Not Met",
    ];

    public TwoInstancesBehindNginx Cluster { get; } = new();
    public List<(string Said, string ServedBy, Turn Reply)> Turns { get; } = [];
    public string ConversationId { get; private set; } = "";
    public TimeSpan ConversationTime { get; private set; }

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        var chat = Cluster.NewConversation();
        ConversationId = chat.Id;
        var clock = Stopwatch.StartNew();
        foreach (var said in Walk)
        {
            var reply = await chat.SaysAsync(said);
            Turns.Add((said, Cluster.Which(chat.LastServedBy), reply));
        }
        ConversationTime = clock.Elapsed;
    }

    public Task DisposeAsync() => Cluster.DisposeAsync();
}

public class ScaleOutTests(AlternatingInstances run, ITestOutputHelper output) : IClassFixture<AlternatingInstances>
{
    [Fact]
    public void Nginx_sends_the_turns_of_one_conversation_to_both_instances_in_turn()
    {
        output.WriteLine($"two instances behind nginx: cluster up in {run.Cluster.StartTime.TotalSeconds:0.0} s, " +
                         $"{run.Turns.Count} turns in {run.ConversationTime.TotalSeconds:0.00} s, served by {string.Join(" ", run.Turns.Select(t => t.ServedBy))}");

        Assert.All(run.Turns.Zip(run.Turns.Skip(1)), pair => Assert.NotEqual(pair.First.ServedBy, pair.Second.ServedBy));
        Assert.Equal(["first", "second"], run.Turns.Select(t => t.ServedBy).Distinct().Order());
    }

    [Fact]
    public void Each_turn_answers_the_question_the_other_instance_asked()
    {
        var replies = run.Turns.Select(t => t.Reply.AllText).ToList();

        Assert.Contains("company login", replies[0]);
        Assert.Contains("Have you tried **Forgot Password**", replies[1]);
        Assert.Contains("**MAG Lite**", replies[2]);
        Assert.Contains("**Organization Administrator**", replies[3]);
        Assert.Contains("Would you like to add your MAG user ID", replies[4]);
        Assert.Contains("What is your MAG user ID", replies[5]);
        Assert.Contains("Organization ID", replies[6]);
        Assert.Contains("Anything else support should know", replies[7]);
    }

    [Fact]
    public void The_flow_completes_with_a_summary_of_answers_given_to_both_instances()
    {
        var handoff = run.Turns[^1].Reply.Event("handoff");

        Assert.NotNull(handoff);
        var summary = (JObject)handoff.Value;
        var answers = summary["answers"]!.ToDictionary(a => (string)a["step"]!, a => (string?)a["answer"]);
        Assert.Equal("No", answers["password-company-login"]);
        Assert.Equal("Yes, but it didn't work", answers["password-tried-self-service"]);
        Assert.Equal("smithj_1234", (string?)summary["details"]!["account"]);
        Assert.Equal("EXO4711", (string?)summary["details"]!["organization-id"]);
    }

    [Fact]
    public async Task Either_instance_reads_the_whole_transcript_both_wrote()
    {
        foreach (var instance in new[] { run.Cluster.First, run.Cluster.Second })
        {
            var transcript = await TranscriptAsync(instance.Client, run.ConversationId);
            var userWords = transcript.Where(a => (string?)a["type"] == ActivityTypes.Message && (string?)a["from"]?["role"] == "user")
                .Select(a => (string?)a["text"]).ToList();
            Assert.Equal(AlternatingInstances.Walk, userWords);
        }
    }

    /// <summary>Transcripts are written just after each turn; the last turn's may still be on its way.</summary>
    internal static async Task<JArray> TranscriptAsync(HttpClient instance, string conversationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/api/conversations/{conversationId}/transcript");
            request.Headers.Add("X-Api-Key", TwoInstancesBehindNginx.AdminKey);
            using var response = await instance.SendAsync(request);
            var transcript = response.StatusCode == HttpStatusCode.OK
                ? (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["transcript"]!
                : [];
            if (transcript.Any(a => (string?)a["name"] == "handoff") || DateTime.UtcNow > deadline) return transcript;
            await Task.Delay(50);
        }
    }
}

/// <summary>One instance goes away in the middle of a flow; nginx sends the rest to the other, which carries on.</summary>
public sealed class InstanceStoppedMidFlowTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TwoInstancesBehindNginx cluster = new();

    public Task InitializeAsync() => cluster.InitializeAsync();

    [Fact]
    public async Task When_one_instance_stops_mid_flow_the_other_carries_on_to_the_end()
    {
        var chat = cluster.NewConversation();
        var walk = AlternatingInstances.Walk;
        var servedBy = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await chat.SaysAsync(walk[i]);
            servedBy.Add(cluster.Which(chat.LastServedBy));
        }
        var clock = Stopwatch.StartNew();
        await cluster.First.KillAsync();

        var replies = new List<Turn>();
        for (var i = 4; i < walk.Length; i++)
        {
            replies.Add(await chat.SaysAsync(walk[i]));
            servedBy.Add(cluster.Which(chat.LastServedBy));
        }

        output.WriteLine($"instance stopped mid-flow: {walk.Length - 4} turns after the stop in {clock.Elapsed.TotalSeconds:0.00} s, served by {string.Join(" ", servedBy)}");
        Assert.Contains("first", servedBy.Take(4));
        Assert.All(servedBy.Skip(4), s => Assert.Equal("second", s));
        Assert.Contains("Would you like to add your MAG user ID", replies[0].AllText);
        var summary = (JObject)replies[^1].Event("handoff")!.Value;
        var answers = summary["answers"]!.ToDictionary(a => (string)a["step"]!, a => (string?)a["answer"]);
        Assert.Equal("Yes, but it didn't work", answers["password-tried-self-service"]);
        Assert.Equal("smithj_1234", (string?)summary["details"]!["account"]);
    }

    public Task DisposeAsync() => cluster.DisposeAsync();
}
