using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MagLearn.Bot.Flows.Definition;

/// <summary>
/// Reads one dialog file into a <see cref="FlowDefinition"/>. It walks YamlDotNet's node tree rather than
/// deserializing into classes, because the nodes keep their line numbers: every problem it records names the
/// line the author has to fix. Checks here are about the shape of one file; how steps connect is
/// <see cref="FlowValidator"/>'s job.
/// </summary>
public sealed class FlowReader
{
    private static readonly string[] FlowKeys = ["id", "title", "description", "triggers", "steps"];

    /// <summary>The key that names a step's kind, and the other keys that kind may carry.</summary>
    private static readonly Dictionary<string, string[]> Kinds = new()
    {
        ["ask"] = ["help", "choices", "ifYes", "ifNo", "expect", "optional", "saveAs", "next"],
        ["say"] = ["next"],
        ["show"] = ["next"],
        ["set"] = ["next"],
        ["branch"] = ["cases", "otherwise"],
        ["end"] = ["cite"],
        ["flow"] = ["at", "next"],
        ["handoff"] = ["cite"],
    };

    private static readonly string[] ChoiceKeys = ["title", "goto", "value", "also"];

    private readonly string file;
    private readonly List<FlowProblem> problems;

    private FlowReader(string file, List<FlowProblem> problems)
    {
        this.file = file;
        this.problems = problems;
    }

    /// <summary>The flow in <paramref name="text"/>, or null if it is too broken to check further.</summary>
    public static FlowDefinition? Read(string file, string text, List<FlowProblem> problems)
    {
        var stream = new YamlStream();
        var parser = new LineTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            problems.Add(new FlowProblem(file, (int)e.Start.Line, "not valid YAML: " + e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can give up without a position (e.g. a '[' never closed before the end of the
            // file); the last node it read is where the author should look.
            problems.Add(new FlowProblem(file, parser.LastLine, "not valid YAML: something opened here (a bracket or quote?) is never closed"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new FlowProblem(file, 1, "the file must be a mapping with id, title, description, triggers and steps"));
            return null;
        }
        return new FlowReader(file, problems).ReadFlow(root);
    }

    private FlowDefinition? ReadFlow(YamlMappingNode root)
    {
        var keys = KeysOf(root, FlowKeys, "a flow");
        var id = RequiredText(root, keys, "id");
        var title = RequiredText(root, keys, "title");
        var description = RequiredText(root, keys, "description");
        var triggers = keys.TryGetValue("triggers", out var t) ? TextList(t, "triggers") : [];
        if (triggers.Count == 0) Problem(keys.GetValueOrDefault("triggers") ?? root, "the flow has no triggers: list the phrasings people type when they need it");

        var steps = new List<FlowStep>();
        if (!keys.TryGetValue("steps", out var stepsNode)) Problem(root, "the flow has no steps");
        else if (stepsNode is not YamlSequenceNode sequence || sequence.Children.Count == 0) Problem(stepsNode, "'steps' must be a list with at least one step");
        else
        {
            foreach (var node in sequence.Children)
            {
                if (ReadStep(node) is { } step) steps.Add(step);
            }
        }
        if (id is null || title is null || description is null || steps.Count == 0) return null;
        return new FlowDefinition(id, title, description, triggers, steps, file, Line(root));
    }

    private FlowStep? ReadStep(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, "a step must be a mapping with an id and one of: " + string.Join(", ", Kinds.Keys));
            return null;
        }
        var all = KeysOf(map, null, "a step");
        var id = RequiredText(map, all, "id");
        var kindKeys = all.Keys.Where(Kinds.ContainsKey).ToList();
        if (kindKeys.Count != 1)
        {
            Problem(map, kindKeys.Count == 0
                ? $"step '{id}' does not say what it does: give it one of {string.Join(", ", Kinds.Keys.Select(k => k + ":"))}"
                : $"step '{id}' has more than one kind ({string.Join(", ", kindKeys)}); split it into separate steps");
            return null;
        }
        var kindKey = kindKeys[0];
        var allowed = Kinds[kindKey];
        foreach (var (key, keyNode) in all.Where(k => k.Key != "id" && k.Key != kindKey && !allowed.Contains(k.Key)))
            Problem(keyNode, $"'{key}' does not belong on '{kindKey}' steps (allowed: {string.Join(", ", allowed)})");
        if (id is null) return null;

        var body = all[kindKey];
        var line = Line(map);
        return kindKey switch
        {
            "ask" => ReadAsk(id, line, body, all),
            "say" => NonEmptyText(body, "say") is { } said && Onward(id, map, all) is { } next ? new SayStep(id, line, said, next) : null,
            "show" => Reference(body, "show") is { } passage && Onward(id, map, all) is { } next ? new ShowStep(id, line, passage, next) : null,
            "set" => TextMap(body, "set") is { Count: > 0 } values && Onward(id, map, all) is { } next ? new SetStep(id, line, values, next) : null,
            "branch" => ReadBranch(id, line, map, body, all),
            "end" => NonEmptyText(body, "end") is { } fix && RequiredReference(all, map, "cite") is { } cite ? new EndStep(id, line, fix, cite) : null,
            "flow" => NonEmptyText(body, "flow") is { } flow ? new JumpStep(id, line, flow, Line(body), OptionalText(all, "at"), Link(all, "next")) : null,
            _ => NonEmptyText(body, "handoff") is { } note && RequiredReference(all, map, "cite") is { } source ? new HandoffStep(id, line, note, source) : null,
        };
    }

    /// <summary>Where a step that moves on by itself goes next; without one it would strand the person.</summary>
    private StepLink? Onward(string id, YamlNode step, Dictionary<string, YamlNode> keys)
    {
        if (keys.ContainsKey("next")) return Link(keys, "next");
        Problem(step, $"dead end: step '{id}' has no 'next' and does not end the flow");
        return null;
    }

    private BranchStep? ReadBranch(string id, int line, YamlNode step, YamlNode on, Dictionary<string, YamlNode> keys)
    {
        var name = NonEmptyText(on, "branch");
        var cases = LinkMap(keys.GetValueOrDefault("cases"), step);
        var otherwise = Link(keys, "otherwise");
        if (!keys.ContainsKey("otherwise")) Problem(step, $"dead end: branch '{id}' has no 'otherwise' for values its cases do not list");
        return name is not null && otherwise is not null ? new BranchStep(id, line, name, cases, otherwise) : null;
    }

    private AskStep? ReadAsk(string id, int line, YamlNode prompt, Dictionary<string, YamlNode> keys)
    {
        var hasChoices = keys.ContainsKey("choices");
        var choices = hasChoices ? ReadChoices(keys["choices"]) : [];
        var yes = Link(keys, "ifYes");
        var no = Link(keys, "ifNo");
        var expect = OptionalText(keys, "expect");
        var next = Link(keys, "next");
        var text = NonEmptyText(prompt, "ask");
        var help = OptionalText(keys, "help");
        var saveAs = OptionalText(keys, "saveAs");
        var ways = (hasChoices ? 1 : 0) + (yes is not null || no is not null ? 1 : 0) + (expect is not null ? 1 : 0);
        if (ways != 1)
        {
            Problem(keys["ask"], $"ask step '{id}' needs exactly one way to answer: 'choices', 'ifYes' and 'ifNo', or 'expect' with 'next'");
            return null;
        }
        if (expect is null && keys.TryGetValue("next", out var stray))
            Problem(stray, $"'next' is only for typed answers; each choice (or ifYes/ifNo) of '{id}' says where it goes");
        if (expect is null && keys.TryGetValue("optional", out var strayOptional))
            Problem(strayOptional, $"'optional' is only for typed answers");
        if (text is null) return null;
        if (hasChoices)
        {
            if (choices.Count < 2) Problem(keys["choices"], $"ask step '{id}' needs at least two choices");
            return new ChoiceStep(id, line, text, help, saveAs, choices);
        }
        if (expect is null)
        {
            if (yes is null || no is null)
            {
                Problem(keys["ask"], $"ask step '{id}' needs both 'ifYes' and 'ifNo'");
                return null;
            }
            return new YesNoStep(id, line, text, help, saveAs, yes, no);
        }
        if (next is null)
        {
            Problem(keys["ask"], $"dead end: ask step '{id}' expects a typed answer but has no 'next'");
            return null;
        }
        return new TypedAnswerStep(id, line, text, help, saveAs, expect, keys.TryGetValue("optional", out var o) && Flag(o), next);
    }

    private List<FlowChoice> ReadChoices(YamlNode node)
    {
        var list = new List<FlowChoice>();
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, "'choices' must be a list of {title, goto}");
            return list;
        }
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Problem(item, "a choice must be a mapping with 'title' and 'goto'");
                continue;
            }
            var keys = KeysOf(map, ChoiceKeys, "a choice");
            var title = RequiredText(map, keys, "title");
            var target = RequiredText(map, keys, "goto");
            if (title is null || target is null) continue;
            var also = keys.TryGetValue("also", out var a) ? TextList(a, "also") : [];
            list.Add(new FlowChoice(title, target, OptionalText(keys, "value"), also, Line(keys["goto"])));
        }
        return list;
    }

    private Dictionary<string, YamlNode> KeysOf(YamlMappingNode map, string[]? allowed, string what)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (allowed is not null && !allowed.Contains(key))
            {
                Problem(keyNode, $"unknown key '{key}' in {what} (expected: {string.Join(", ", allowed)})");
                continue;
            }
            keys[key] = value;
        }
        return keys;
    }

    private string? RequiredText(YamlNode owner, Dictionary<string, YamlNode> keys, string key)
    {
        if (!keys.TryGetValue(key, out var node))
        {
            Problem(owner, $"missing '{key}'");
            return null;
        }
        return NonEmptyText(node, key);
    }

    private string? NonEmptyText(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        Problem(node, key switch
        {
            "ask" => "missing prompt: the ask step has no question text",
            _ => $"'{key}' must be non-empty text",
        });
        return null;
    }

    private string? OptionalText(Dictionary<string, YamlNode> keys, string key) =>
        keys.TryGetValue(key, out var node) ? NonEmptyText(node, key) : null;

    private StepLink? Link(Dictionary<string, YamlNode> keys, string key) =>
        keys.TryGetValue(key, out var node) && NonEmptyText(node, key) is { } target ? new StepLink(target, Line(node)) : null;

    private List<string> TextList(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"'{key}' must be a list of text");
            return [];
        }
        return sequence.Children.Select(c => NonEmptyText(c, key)).OfType<string>().ToList();
    }

    private Dictionary<string, string> TextMap(YamlNode node, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            Problem(node, $"'{key}' must map names to values, e.g. {{credential: hardware-token}}");
            return map;
        }
        foreach (var (k, v) in mapping.Children)
        {
            if (NonEmptyText(k, key) is { } name && NonEmptyText(v, key) is { } value) map[name] = value;
        }
        return map;
    }

    private Dictionary<string, StepLink> LinkMap(YamlNode? node, YamlNode owner)
    {
        var map = new Dictionary<string, StepLink>(StringComparer.OrdinalIgnoreCase);
        if (node is null) return map;
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, "'cases' must map each value to the step it leads to");
            return map;
        }
        foreach (var (k, v) in mapping.Children)
        {
            if (NonEmptyText(k, "cases") is { } value && NonEmptyText(v, "cases") is { } target) map[value] = new StepLink(target, Line(v));
        }
        return map;
    }

    private LearnReference? RequiredReference(Dictionary<string, YamlNode> keys, YamlNode owner, string key)
    {
        if (keys.TryGetValue(key, out var node)) return Reference(node, key);
        Problem(owner, $"missing '{key}': every resolution cites the Learn page section it comes from");
        return null;
    }

    private LearnReference? Reference(YamlNode node, string key)
    {
        if (node is YamlMappingNode map)
        {
            var keys = KeysOf(map, ["page", "section"], $"'{key}'");
            var page = RequiredText(map, keys, "page");
            var section = RequiredText(map, keys, "section");
            if (page is not null && section is not null) return new LearnReference(page, section, Line(node));
            return null;
        }
        Problem(node, $"'{key}' must be {{page: <page id>, section: <section id>}}");
        return null;
    }

    private bool Flag(YamlNode node)
    {
        if (node is YamlScalarNode { Value: "true" or "false" } scalar) return scalar.Value == "true";
        Problem(node, "must be true or false");
        return false;
    }

    private void Problem(YamlNode node, string message) => problems.Add(new FlowProblem(file, Line(node), message));

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
