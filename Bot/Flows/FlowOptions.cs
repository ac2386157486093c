using MagLearn.Bot.Hosting;

namespace MagLearn.Bot.Flows;

/// <summary>Where the dialog files live and how patient a question is (section "Flows").</summary>
public sealed class FlowOptions
{
    public const string Section = "Flows";

    /// <summary>The folder of dialog files; a relative path is looked for from the content root upwards.</summary>
    public string DialogsPath { get; set; } = "dialogs";

    /// <summary>Answers a question may fail before the flow stops re-asking and offers help or a person instead.</summary>
    public int MaxRetries { get; set; } = 3;

    public string ResolveDialogsPath(string contentRoot) => DataFolder.Resolve(DialogsPath, contentRoot);
}
