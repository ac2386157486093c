using MagLearn.Bot.Flows.Engine;
using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Flows;

/// <summary>"Talk to a person", in any of the ways the flows' interruptions recognise, opens the hand-off flow.</summary>
public sealed class PersonRequest : IDirectFlowRequest
{
    public string? FlowFor(string text) => Interruptions.IsPersonRequest(text) ? FlowCatalog.HandoffFlowId : null;
}
