using System.Text.RegularExpressions;
using MagLearn.Knowledge.Content;

namespace MagLearn.Bot.Flows.Definition;

/// <summary>
/// Checks that a set of flows can be walked: every reference points at something that exists (steps, flows,
/// Learn sections, validators), every step can be reached, and from every step some path reaches an end.
/// Problems name the file and line of the offending reference.
/// </summary>
public static partial class FlowValidator
{
    public static void Validate(IReadOnlyList<FlowDefinition> flows, LearnLibrary learn, IReadOnlyList<string> requiredFlows, string folder, List<FlowProblem> problems)
    {
        var byId = new Dictionary<string, FlowDefinition>(StringComparer.Ordinal);
        foreach (var flow in flows)
        {
            if (byId.TryGetValue(flow.Id, out var first))
                problems.Add(new FlowProblem(flow.File, flow.Line, $"duplicate flow id '{flow.Id}' (already used by {first.File})"));
            else byId[flow.Id] = flow;
        }
        foreach (var required in requiredFlows.Where(r => !byId.ContainsKey(r)))
            problems.Add(new FlowProblem(folder, 0, $"the '{required}' flow is missing: the engine hands conversations to it"));

        var entries = flows
            .SelectMany(f => f.Steps.OfType<JumpStep>().Where(s => s.At is not null).Select(s => (s.Flow, s.At!)))
            .ToLookup(e => e.Item1, e => e.Item2);
        foreach (var flow in byId.Values)
        {
            CheckSteps(flow, byId, learn, problems);
            CheckGraph(flow, entries[flow.Id], problems);
        }
        CheckJumpLoops(byId, problems);
    }

    private static void CheckSteps(FlowDefinition flow, Dictionary<string, FlowDefinition> flows, LearnLibrary learn, List<FlowProblem> problems)
    {
        void Problem(int line, string message) => problems.Add(new FlowProblem(flow.File, line, message));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in flow.Steps)
        {
            if (!seen.Add(step.Id)) Problem(step.Line, $"duplicate step id '{step.Id}'");
            foreach (var link in step.Links().Where(l => flow.Step(l.Target) is null))
                Problem(link.Line, $"unknown step '{link.Target}' (referenced from step '{step.Id}')");
            foreach (var reference in step.Cites())
            {
                if (learn.Find(reference.Page) is null) Problem(reference.Line, $"unknown Learn page '{reference.Page}'");
                else if (learn.Find(reference.Page, reference.Section) is null) Problem(reference.Line, $"unknown section '{reference.Section}' on Learn page '{reference.Page}'");
            }
            if (step is ChoiceStep choice)
                foreach (var duplicate in choice.Choices.GroupBy(c => c.Title, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                    Problem(duplicate.Last().Line, $"step '{step.Id}' offers the choice '{duplicate.Key}' twice");
            if (step is TypedAnswerStep typed && !Expectations.Exists(typed.Expect))
                Problem(step.Line, $"unknown validator '{typed.Expect}' (known: {string.Join(", ", Expectations.Names)})");
            if (step is AskStep { SaveAs: { } saveAs } && SecretName().IsMatch(saveAs))
                Problem(step.Line, $"step '{step.Id}' would save a secret ('{saveAs}'): the bot never asks for passwords or codes");
            if (step is JumpStep jump) CheckJump(jump, flows, Problem);
        }
    }

    private static void CheckJump(JumpStep step, Dictionary<string, FlowDefinition> flows, Action<int, string> problem)
    {
        if (!flows.TryGetValue(step.Flow, out var target))
            problem(step.FlowLine, $"unknown flow '{step.Flow}' (known: {string.Join(", ", flows.Keys.Order())})");
        else if (step.At is not null && target.Step(step.At) is null)
            problem(step.FlowLine, $"flow '{step.Flow}' has no step '{step.At}'");
    }

    /// <summary>Reachability from the start (and from other flows' entry points), and a way to an end from everywhere.</summary>
    private static void CheckGraph(FlowDefinition flow, IEnumerable<string> entries, List<FlowProblem> problems)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<FlowStep>(new[] { flow.First }.Concat(entries.Select(flow.Step).OfType<FlowStep>()));
        while (queue.TryDequeue(out var step))
        {
            if (!reached.Add(step.Id)) continue;
            foreach (var next in step.Links().Select(l => flow.Step(l.Target)).OfType<FlowStep>()) queue.Enqueue(next);
        }
        foreach (var step in flow.Steps.Where(s => !reached.Contains(s.Id)))
            problems.Add(new FlowProblem(flow.File, step.Line, $"unreachable step '{step.Id}': no step leads to it"));

        // Work backwards from the steps that finish the flow: whatever cannot get there would strand the user.
        var finishing = new HashSet<string>(flow.Steps.Where(s => s.IsTerminal).Select(s => s.Id), StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var step in flow.Steps.Where(s => !finishing.Contains(s.Id)))
            {
                if (step.Links().Any(l => finishing.Contains(l.Target))) grew = finishing.Add(step.Id) | grew;
            }
        } while (grew);
        foreach (var step in flow.Steps.Where(s => !finishing.Contains(s.Id) && reached.Contains(s.Id) && s.Links().Any()))
            problems.Add(new FlowProblem(flow.File, step.Line, $"dead end: no path from step '{step.Id}' reaches an end"));

        CheckSilentLoops(flow, problems);
    }

    /// <summary>Steps that move on by themselves (say, show, set, branch) must not loop: the bot would talk forever.</summary>
    private static void CheckSilentLoops(FlowDefinition flow, List<FlowProblem> problems)
    {
        var silent = flow.Steps.Where(s => s.MovesOnByItself).ToList();
        foreach (var start in silent)
        {
            var stack = new Stack<FlowStep>([start]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stack.TryPop(out var step))
            {
                foreach (var next in step.Links().Select(l => flow.Step(l.Target)).OfType<FlowStep>())
                {
                    if (next.Id == start.Id)
                    {
                        problems.Add(new FlowProblem(flow.File, start.Line, $"step '{start.Id}' loops back to itself without asking anything"));
                        stack.Clear();
                        break;
                    }
                    if (next.MovesOnByItself && seen.Add(next.Id)) stack.Push(next);
                }
            }
        }
    }

    /// <summary>Flows that jump into each other in a circle would stack up forever.</summary>
    private static void CheckJumpLoops(Dictionary<string, FlowDefinition> flows, List<FlowProblem> problems)
    {
        var jumps = flows.Values.ToDictionary(
            f => f.Id,
            f => f.Steps.OfType<JumpStep>().Where(s => flows.ContainsKey(s.Flow)).ToList());
        foreach (var flow in flows.Values)
        {
            var path = new List<string>();
            if (LoopFrom(flow.Id, flow.Id, jumps, path, new HashSet<string>()) is { } step)
                problems.Add(new FlowProblem(flow.File, step.FlowLine, $"flows jump into each other in a loop: {flow.Id} -> {string.Join(" -> ", path)}"));
        }
    }

    private static JumpStep? LoopFrom(string origin, string current, Dictionary<string, List<JumpStep>> jumps, List<string> path, HashSet<string> visited)
    {
        if (!visited.Add(current)) return null;
        foreach (var step in jumps[current])
        {
            path.Add(step.Flow);
            if (step.Flow == origin || LoopFrom(origin, step.Flow, jumps, path, visited) is not null)
                return jumps[origin].FirstOrDefault(s => s.Flow == path[0]) ?? step;
            path.RemoveAt(path.Count - 1);
        }
        return null;
    }

    [GeneratedRegex(@"pass(word|code)|\bpw\b|\bpwd\b|\botp\b|\bpin\b|secret|one.?time", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
