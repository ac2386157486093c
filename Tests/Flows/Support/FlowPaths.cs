using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Menu;
using MagLearn.Knowledge.Content;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Flows.Support;

/// <summary>What the bot should do when a step is reached, so a walk can check every reply of every turn.</summary>
public sealed record ExpectedStep(string Flow, FlowStep Step);

/// <summary>One turn of a walk: what the user types, then the steps the bot should run until it waits again.</summary>
public sealed record WalkTurn(string UserTypes, IReadOnlyList<ExpectedStep> BotRuns);

/// <summary>One way through a flow, from its welcome button to a resolution or a hand-off.</summary>
public sealed record FlowPath(string Flow, IReadOnlyList<WalkTurn> Turns)
{
    public ExpectedStep Leaf => Turns[^1].BotRuns[^1];

    public string Name => $"{Flow}: {string.Join(" > ", Turns.Skip(1).Select(t => t.UserTypes))} => {Leaf.Flow}/{Leaf.Step.Id}";

    public override string ToString() => Name;
}

/// <summary>
/// Enumerates every path through every flow by walking the definitions the way the engine does: each choice and
/// each yes/no is tried, typed answers get a valid sample, set/branch steps follow the values saved so far, and a
/// jump into another flow carries on there. A branch that no answer can reach is not a path (and the validator's
/// reachability check is about steps, not values).
/// </summary>
public static class FlowPaths
{
    public static FlowCatalog Catalog { get; } = FlowCatalog.Load(RepoPaths.Dialogs, LearnLibrary.LoadFolder(RepoPaths.LearnPages));

    /// <summary>The help menu the bot offers, as dialogs/welcome/help-areas.yaml gives it.</summary>
    public static HelpMenu Menu { get; } = HelpMenuReader.Load(HelpMenuReader.FileIn(RepoPaths.Dialogs), Catalog);

    private static readonly Lazy<IReadOnlyList<FlowPath>> Paths = new(() => Catalog.Flows.SelectMany(Of).ToList());

    public static IReadOnlyList<FlowPath> All => Paths.Value;

    public static FlowPath Named(string name) => All.Single(p => p.Name == name);

    /// <summary>A valid answer of each kind a step can expect, as a person would type it.</summary>
    public static string SampleFor(string expect) => expect switch
    {
        "email" => "pat.smith@example.com",
        "user-id" => "smithj_1234",
        "user-id-or-email" => "my user id is smithj_1234",
        "organization-id" => "12345",
        _ => "The portal shows error 5103 after I sign in",
    };

    /// <summary>The welcome button that opens a flow.</summary>
    public static string ButtonFor(string flowId) => Menu.Areas.Single(a => a.Flow == flowId).Title;

    private static IEnumerable<FlowPath> Of(FlowDefinition flow)
    {
        var frames = new List<(FlowDefinition Flow, string Step, Dictionary<string, string> Values)> { (flow, flow.First.Id, new()) };
        return Walk(flow.Id, frames, [], ButtonFor(flow.Id), [], new HashSet<string>());
    }

    private static IEnumerable<FlowPath> Walk(
        string root, List<(FlowDefinition Flow, string Step, Dictionary<string, string> Values)> frames,
        List<WalkTurn> turns, string typed, List<ExpectedStep> running, HashSet<string> asked)
    {
        // Run silent steps until one waits for the user or ends the walk.
        var (flow, stepId, values) = frames[^1];
        for (var guard = 0; guard < 100; guard++)
        {
            var step = flow.Step(stepId)!;
            running.Add(new ExpectedStep(flow.Id, step));
            switch (step)
            {
                case SayStep say:
                    stepId = say.Next.Target;
                    continue;
                case ShowStep show:
                    stepId = show.Next.Target;
                    continue;
                case SetStep set:
                    foreach (var (k, v) in set.Values) values[k] = v;
                    stepId = set.Next.Target;
                    continue;
                case BranchStep branch:
                    stepId = (values.TryGetValue(branch.On, out var value) && branch.Cases.TryGetValue(value, out var link) ? link : branch.Otherwise).Target;
                    continue;
                case JumpStep jump:
                    if (jump.Next is not null) throw new NotSupportedException($"{flow.Id}/{step.Id}: the walker does not follow flows that return");
                    running.RemoveAt(running.Count - 1);
                    var target = Catalog.Find(jump.Flow)!;
                    frames = [.. frames, (target, jump.At ?? target.First.Id, new())];
                    (flow, stepId, values) = frames[^1];
                    continue;
                case EndStep or HandoffStep:
                    yield return new FlowPath(root, [.. turns, new WalkTurn(typed, running)]);
                    yield break;
                case AskStep ask:
                    // A question asked twice on one path would be a loop; the flows have none, so stop rather than spin.
                    if (!asked.Add(flow.Id + "/" + step.Id)) yield break;
                    var turn = new WalkTurn(typed, running);
                    foreach (var (answer, next, saved) in Answers(ask))
                    {
                        var copy = new Dictionary<string, string>(values);
                        if (ask.SaveAs is not null && saved is not null) copy[ask.SaveAs] = saved;
                        var branchFrames = frames.Take(frames.Count - 1).Append((flow, next, copy)).ToList();
                        foreach (var path in Walk(root, branchFrames, [.. turns, turn], answer, [], new HashSet<string>(asked)))
                            yield return path;
                    }
                    yield break;
            }
        }
        throw new InvalidOperationException($"{flow.Id}: too many silent steps from {stepId}");
    }

    private static IEnumerable<(string Typed, string Next, string? Saved)> Answers(AskStep step) => step switch
    {
        ChoiceStep choice => choice.Choices.Select(c => (c.Title, c.Goto, (string?)(c.Value ?? c.Title))),
        YesNoStep yesNo => [("yes", yesNo.Yes.Target, "yes"), ("no", yesNo.No.Target, "no")],
        TypedAnswerStep typed => [(SampleFor(typed.Expect), typed.Next.Target, (string?)null)],
        _ => throw new NotSupportedException(step.GetType().Name),
    };
}
