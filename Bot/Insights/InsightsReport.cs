namespace MagLearn.Bot.Insights;

/// <summary>
/// What the support team sees for a period (<c>GET /admin/api/insights?from=&amp;to=</c>, and the tables of the
/// /admin page): traffic per day, the top and the unanswered questions, answers rated unhelpful, each flow as a
/// funnel, the hand-offs, and what to add to the content for the unanswered. Built from the recorded events by
/// the insights builder; every question in it is redacted.
/// </summary>
public sealed record InsightsReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayTraffic> Days,
    IReadOnlyList<TopQuestion> TopQuestions,
    IReadOnlyList<UnansweredGroup> Unanswered,
    IReadOnlyList<RatedPassage> Unhelpful,
    IReadOnlyList<FlowFunnel> Funnels,
    IReadOnlyList<HandoffRecord> Handoffs);

/// <summary>One day: conversations that had a turn, questions asked, and how many went each route.</summary>
/// <param name="Routes">By route: "answer", "dialog", "fallback", "person" (a flow that hands over, or asked for).</param>
public sealed record DayTraffic(DateOnly Day, int Conversations, int Questions, IReadOnlyDictionary<string, int> Routes);

/// <summary>A question asked often, as asked (redacted, normalised for case and space), and where it went.</summary>
public sealed record TopQuestion(string Question, int Count, string Route, string? Target);

/// <summary>
/// Questions the bot could not answer (the fallback, or an answer rated "no"), grouped by meaning: how many, a few
/// examples, the page or flow nearest the group, and the lines to add to the content for it.
/// </summary>
public sealed record UnansweredGroup(int Count, IReadOnlyList<string> Examples, NearestTarget? Nearest, ContentSuggestion? Suggestion);

/// <summary>The page or flow nearest a group of questions, by the sentence model.</summary>
/// <param name="Kind">"page", "flow", or "out-of-scope" when the router's out-of-scope examples are nearer than either.</param>
public sealed record NearestTarget(string Kind, string Id, string Title, double Score);

/// <summary>Exact lines to paste into a content or dialog file (kept as files under review, not a database).</summary>
/// <param name="File">The file, relative to the repository, e.g. "content/learn/billing-support.md".</param>
/// <param name="Under">The list they go under: "phrasings" (a page's front matter) or "triggers" (a flow).</param>
public sealed record ContentSuggestion(string File, string Under, IReadOnlyList<string> Lines);

/// <summary>A passage people rated, with the "no" and "yes" counts: the unhelpful ones first.</summary>
public sealed record RatedPassage(string Page, string Section, string Heading, int No, int Yes);

/// <summary>A flow as a funnel: started, each step reached (in the file's order), solved, abandoned, handed off.</summary>
public sealed record FlowFunnel(string Flow, string Title, int Started, IReadOnlyList<StepReached> Steps, int Completed, int Abandoned, int HandedOff);

public sealed record StepReached(string Step, int Reached);

/// <summary>A hand-off: when, from which flow, why, and the case summary the person picking it up read.</summary>
public sealed record HandoffRecord(DateTimeOffset Time, string Flow, string Reason, string Summary);
