using MagLearn.Bot.Flows.Handoff;
using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>
/// What the engine wants said, in plain terms: the rendering layer turns each into an activity for the channel.
/// The engine itself never touches the Bot Framework.
/// </summary>
public abstract record FlowReply;

/// <summary>Markdown to show as it is.</summary>
public sealed record TextReply(string Markdown) : FlowReply;

/// <summary>A question, with the choices to offer as buttons (none for a typed answer).</summary>
/// <param name="Answers">The question the buttons answer (a flow's step), carried by each button; none for the engine's own offers.</param>
public sealed record PromptReply(string Text, IReadOnlyList<string> Choices, string? Answers = null) : FlowReply;

/// <summary>A Learn passage, shown whole with a link to its page section.</summary>
public sealed record PassageReply(string Page, string Section) : FlowReply;

/// <summary>A resolution: the fix, then the Learn page section it comes from.</summary>
public sealed record ResolutionReply(string Markdown, string Page, string Section) : FlowReply;

/// <summary>An answer from the Learn index to a question asked in the middle of a flow.</summary>
public sealed record AnswerReply(AskResult Result) : FlowReply;

/// <summary>The conversation goes to a person: the summary for whoever picks it up.</summary>
public sealed record HandoffReply(CaseSummary Summary) : FlowReply;

/// <summary>What happened in a flow during a turn, for the funnels the support team reads; never what was said.</summary>
public abstract record FlowEvent(string Flow);

/// <summary>The flow was started (by a message, a button or another flow).</summary>
public sealed record FlowBegun(string Flow) : FlowEvent(Flow);

/// <summary>The flow ran one of its steps.</summary>
public sealed record StepRun(string Flow, string Step) : FlowEvent(Flow);

/// <summary>"Did that solve it?" was answered after the resolution at <paramref name="Step"/>.</summary>
public sealed record ResolutionRated(string Flow, string Step, bool Solved) : FlowEvent(Flow);

/// <summary>The person stopped the flow.</summary>
public sealed record FlowCancelled(string Flow) : FlowEvent(Flow);

/// <summary>A message as the engine needs it: the words, and what a button said it stands for.</summary>
/// <param name="Text">What the person typed or the button sent.</param>
/// <param name="RequestedFlow">A welcome button's flow ("" for a help area without a flow).</param>
/// <param name="Passage">A "Did you mean" button's page and section.</param>
/// <param name="TurnId">The turn, unique in the conversation (its activity id): frames it opens are named after it.</param>
/// <param name="Answers">A flow button's question (<see cref="PromptReply.Answers"/>): which question the press was meant for.</param>
public sealed record FlowMessage(string? Text, string? RequestedFlow = null, LearnPassageRef? Passage = null, string? TurnId = null, string? Answers = null);

public sealed record LearnPassageRef(string Page, string Section);
