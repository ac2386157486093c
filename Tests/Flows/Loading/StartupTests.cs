using MagLearn.Bot.Flows.Definition;
using MagLearn.Tests.Flows.Support;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Flows.Loading;

/// <summary>A broken dialog file stops the host before it listens, naming the file and line.</summary>
public class StartupTests
{
    [Fact]
    public void The_host_refuses_to_start_with_a_broken_dialog_file_and_says_where()
    {
        using var folder = new DialogFolder();
        var yaml = DialogFolder.MinimalHandoff.Replace("section: still-stuck", "section: gone-section");
        var file = folder.Write("support-handoff.yaml", yaml);
        using var host = FlowsHost.With(new Dictionary<string, string> { ["Flows:DialogsPath"] = folder.Path });

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        var load = Unwrap(error);
        Assert.Contains($"{file}:{DialogFolder.LineOf(yaml, "gone-section")}: unknown section 'gone-section'", load.Message);
    }

    [Fact]
    public void The_host_refuses_to_start_with_a_help_menu_that_names_a_flow_that_does_not_exist()
    {
        using var folder = new DialogFolder(withHandoff: false);
        foreach (var flow in Directory.GetFiles(RepoPaths.Dialogs, "*.yaml")) folder.Write(System.IO.Path.GetFileName(flow), File.ReadAllText(flow));
        Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "welcome"));
        var file = folder.Write("welcome/help-areas.yaml", "areas:\n  - title: Talk to a person\n    flow: support-handoff\n    question: q\n  - title: Quokkas\n    flow: quokka-care\n    question: q\n");
        using var host = FlowsHost.With(new Dictionary<string, string> { ["Flows:DialogsPath"] = folder.Path });

        var load = Unwrap(Assert.ThrowsAny<Exception>(() => host.Services));

        Assert.Contains($"{file}:5: unknown flow 'quokka-care'", load.Message);
    }

    [Fact]
    public void The_host_refuses_to_start_when_the_dialogs_folder_is_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "maglearn-no-dialogs-" + Guid.NewGuid().ToString("N"));
        using var host = FlowsHost.With(new Dictionary<string, string> { ["Flows:DialogsPath"] = missing });

        var load = Unwrap(Assert.ThrowsAny<Exception>(() => host.Services));

        Assert.Contains("the dialogs folder does not exist", load.Message);
    }

    private static FlowLoadException Unwrap(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is FlowLoadException load) return load;
            if (e is AggregateException { InnerExceptions: [var only] }) return Unwrap(only);
        }
        throw new Xunit.Sdk.XunitException("no FlowLoadException in: " + error);
    }
}
