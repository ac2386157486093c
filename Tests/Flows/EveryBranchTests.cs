using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;

namespace MagLearn.Tests.Flows;

/// <summary>
/// Every path through every flow, enumerated from the dialog files, walked through the real bot from its welcome
/// button to its end, checking each reply of each turn. A new branch in a YAML file is walked without a new test.
/// </summary>
[Collection(FlowsCollection.Name)]
public class EveryBranchTests(FlowsHost host)
{
    public static TheoryData<string> Paths() => new(FlowPaths.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Each_path_walks_from_its_button_to_its_end(string name)
    {
        var path = FlowPaths.Named(name);
        var chat = host.Chat();

        for (var i = 0; i < path.Turns.Count; i++)
        {
            var turn = i == 0 ? await chat.Presses(path.Turns[i].UserTypes) : await chat.Says(path.Turns[i].UserTypes);
            ReplyExpectations.AssertRan(turn, path.Turns[i].BotRuns);
        }

        if (path.Leaf.Step is EndStep)
        {
            var solved = await chat.Says("yes");
            Assert.Equal([Replies.Closing], solved.Texts);
        }
        // Whichever way it ended, the flow is over: a greeting is small talk again, not an answer to a question.
        var after = await chat.Says("hi");
        Assert.Equal(Replies.Greeting, after.LastText);
    }

    [Fact]
    public void Every_flow_has_the_branches_the_taxonomy_asks_for()
    {
        var leaves = FlowPaths.All.GroupBy(p => p.Flow).ToDictionary(g => g.Key, g => g.Select(p => p.Leaf.Step.Id).ToHashSet());

        Assert.Superset(new HashSet<string> { "user-id-self-service", "password-self-service", "security-carry-on", "activation-steps", "activation-link-expired", "locked-token", "locked-account", "second-factor-elevate" }, leaves["login-assistance"]);
        Assert.Superset(new HashSet<string> { "form-org-admin", "admin-assigns-role", "email-org-admin", "form-email", "form-company-address", "form-company-name", "form-legal-name" }, leaves["change-request"]);
        Assert.Superset(new HashSet<string> { "hardware-token-arrival", "phone-otp-us", "phone-otp-international", "mobile-id-buy", "fis-basic", "fis-medium", "etools-org-admin", "secure-email-buy" }, leaves["credential-purchase"]);
        Assert.Superset(new HashSet<string> { "invitation-resend", "invitation-expired", "form-required-fields", "already-company", "already-email", "admin-who-submits" }, leaves["organization-registration"]);
        Assert.Superset(new HashSet<string> { "handoff" }, leaves["support-handoff"]);
    }

    [Fact]
    public void Every_resolution_a_flow_can_reach_is_walked_by_some_path()
    {
        var walked = FlowPaths.All.Select(p => p.Leaf.Step).ToHashSet();
        // Branch defaults ("otherwise") that no answer leads to are a safety net, not a branch; they are listed here
        // so that a new unwalked resolution fails this test instead of going unnoticed.
        string[] safetyNets = ["change-request/form-any-change", "credential-purchase/buy-otp-steps"];

        var unwalked = FlowPaths.Catalog.Flows
            .SelectMany(f => f.Steps.Where(s => s is EndStep or HandoffStep && !walked.Contains(s)).Select(s => $"{f.Id}/{s.Id}"))
            .ToList();

        Assert.Equal(safetyNets, unwalked);
    }
}
