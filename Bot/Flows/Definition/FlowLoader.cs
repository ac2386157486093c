using MagLearn.Knowledge.Content;

namespace MagLearn.Bot.Flows.Definition;

/// <summary>Reads every dialog file in a folder and checks them together; any problem stops the load.</summary>
public static class FlowLoader
{
    public static readonly string[] Extensions = [".yaml", ".yml"];

    /// <exception cref="FlowLoadException">A file is broken; the message names each file, line and problem.</exception>
    public static IReadOnlyList<FlowDefinition> LoadFolder(string folder, LearnLibrary learn, IReadOnlyList<string> requiredFlows)
    {
        if (!Directory.Exists(folder))
            throw new FlowLoadException(folder, [new FlowProblem(folder, 0, "the dialogs folder does not exist")]);
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)));
        return Load(files, learn, requiredFlows, folder);
    }

    public static IReadOnlyList<FlowDefinition> Load(IEnumerable<(string File, string Text)> files, LearnLibrary learn, IReadOnlyList<string> requiredFlows, string folder)
    {
        var problems = new List<FlowProblem>();
        var flows = new List<FlowDefinition>();
        foreach (var (file, text) in files)
        {
            if (FlowReader.Read(file, text, problems) is { } flow) flows.Add(flow);
        }
        if (problems.Count == 0) FlowValidator.Validate(flows, learn, requiredFlows, folder, problems);
        if (problems.Count > 0) throw new FlowLoadException(folder, problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList());
        return flows;
    }
}
