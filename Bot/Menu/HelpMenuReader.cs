using MagLearn.Bot.Flows.Definition;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MagLearn.Bot.Menu;

/// <summary>
/// Reads <c>dialogs/welcome/help-areas.yaml</c> and checks it against the flows, as a dialog file is checked: every
/// problem names the file and line, and any problem stops the host before it listens.
/// </summary>
public static class HelpMenuReader
{
    /// <summary>Where the menu lives, under the dialogs folder.</summary>
    public static string FileIn(string dialogsFolder) => Path.Combine(dialogsFolder, "welcome", "help-areas.yaml");

    /// <exception cref="FlowLoadException">The file is missing or broken.</exception>
    public static HelpMenu Load(string file, FlowCatalog flows)
    {
        if (!File.Exists(file)) throw new FlowLoadException(file, [new FlowProblem(file, 0, "the help menu file does not exist")]);
        return Read(file, File.ReadAllText(file), flows);
    }

    /// <exception cref="FlowLoadException">The text is not a valid help menu.</exception>
    public static HelpMenu Read(string file, string text, FlowCatalog flows)
    {
        var problems = new List<FlowProblem>();
        var areas = new List<HelpArea>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FlowLoadException(file, [new FlowProblem(file, (int)e.Start.Line, "not valid YAML: " + e.Message)]);
        }
        var list = stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root &&
                   root.Children.TryGetValue(new YamlScalarNode("areas"), out var node) ? node as YamlSequenceNode : null;
        if (list is null || list.Children.Count == 0)
            throw new FlowLoadException(file, [new FlowProblem(file, 1, "the file must hold 'areas:', a list of help areas")]);

        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode area)
            {
                problems.Add(new FlowProblem(file, line, "a help area is a mapping with title, and flow or question"));
                continue;
            }
            string? Text(string key) => area.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } s }
                ? s.Trim()
                : null;
            foreach (var key in area.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("title" or "flow" or "question")))
                problems.Add(new FlowProblem(file, (int)key.Start.Line, $"unknown key '{key.Value}' (a help area has title, flow and question)"));
            var title = Text("title");
            var flow = Text("flow");
            var question = Text("question");
            if (title is null) problems.Add(new FlowProblem(file, line, "the help area has no title"));
            else if (!titles.Add(title)) problems.Add(new FlowProblem(file, line, $"the title '{title}' is used twice"));
            if (flow is not null && !flows.Contains(flow)) problems.Add(new FlowProblem(file, line, $"unknown flow '{flow}'"));
            if (question is null) problems.Add(new FlowProblem(file, line, "the help area has no question (what the bot is asked for it when its flow cannot open)"));
            if (title is not null && question is not null) areas.Add(new HelpArea(title, flow, question));
        }
        if (problems.Count > 0) throw new FlowLoadException(file, problems);
        return new HelpMenu(areas);
    }
}
