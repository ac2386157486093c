namespace MagLearn.Knowledge.Answers;

/// <summary>
/// A message that names its flow outright, whatever the search would say: asking for a person is the case today.
/// The flows supply it (they know their own words for it); the router asks it first, so the chat and the ask API
/// agree on such messages too.
/// </summary>
public interface IDirectFlowRequest
{
    /// <summary>The flow the message asks for, or null.</summary>
    string? FlowFor(string text);
}
