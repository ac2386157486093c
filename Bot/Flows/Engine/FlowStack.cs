using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>
/// Everything the engine knows about one conversation's flows, kept in ConversationState between turns (never in
/// process memory): the stack of active flows, top last, as the Bot Framework's dialog stack keeps dialog
/// instances, and a pending "switch to another flow?" question.
/// </summary>
public sealed class FlowStack
{
    public List<FlowFrame> Frames { get; set; } = [];

    public PendingSwitch? Switch { get; set; }

    public bool IsActive() => Frames.Count > 0;

    public FlowFrame? Top() => Frames.Count == 0 ? null : Frames[^1];

    public void Clear()
    {
        Frames.Clear();
        Switch = null;
    }
}

/// <summary>Whether a frame waits for the answer to its current step, or for "Did that solve it?" after a resolution.</summary>
[JsonConverter(typeof(StringEnumConverter))]
public enum FramePhase { Answering, Confirming }

/// <summary>One active flow: where it stands, what it has been told, and why it was opened.</summary>
public sealed class FlowFrame
{
    public string FlowId { get; set; } = "";

    /// <summary>The step that waits for an answer (or, when confirming, the resolution just given).</summary>
    public string StepId { get; set; } = "";

    public FramePhase Phase { get; set; }

    /// <summary>Answers at this step that could not be understood, for the retry limit.</summary>
    public int Attempts { get; set; }

    /// <summary>Saved by <c>saveAs</c> and <c>set</c>, read by <c>branch</c>.</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The questions asked and what the person answered, for the hand-off summary (never a secret).</summary>
    public List<GivenAnswer> Answers { get; set; } = [];

    /// <summary>The words that started this flow, with anything secret masked.</summary>
    public string? Trigger { get; set; }

    /// <summary>Why a hand-off was opened: asked for a person, or a fix that did not work.</summary>
    public string? Reason { get; set; }
}

public sealed class GivenAnswer
{
    public string StepId { get; set; } = "";
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
}

/// <summary>A flow the router thinks the person now wants; kept until they say yes or no.</summary>
public sealed class PendingSwitch
{
    public string FlowId { get; set; } = "";
    public string? Text { get; set; }
}
