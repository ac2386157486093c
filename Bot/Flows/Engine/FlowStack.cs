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

    /// <summary>
    /// The last turns (activity ids) the flows took in this conversation, saved in the same write as what they did:
    /// a channel's retry of a turn already taken is then recognised, and a retry of a turn that never got saved
    /// (the instance died) is taken again from the state before it, as if for the first time.
    /// </summary>
    public List<string> Taken { get; set; } = [];

    /// <summary>How many taken turns are remembered: retries come within seconds, a few turns apart at most.</summary>
    public const int TakenKept = 16;

    public bool IsActive() => Frames.Count > 0;

    public bool HasTaken(string? turnId) => turnId is { Length: > 0 } && Taken.Contains(turnId);

    public void Took(string? turnId)
    {
        if (turnId is not { Length: > 0 } || Taken.Contains(turnId)) return;
        Taken.Add(turnId);
        if (Taken.Count > TakenKept) Taken.RemoveRange(0, Taken.Count - TakenKept);
    }

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
    /// <summary>
    /// Which opening of a flow this is: the turn that opened it and how many frames that turn had opened before it,
    /// so the same turn taken again from the same state opens a frame with the same id (and a hand-off from it, the
    /// same case).
    /// </summary>
    public string Id { get; set; } = "";

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
