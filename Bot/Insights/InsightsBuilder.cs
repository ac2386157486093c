using MagLearn.Bot.Flows.Definition;
using MagLearn.Knowledge;

namespace MagLearn.Bot.Insights;

/// <summary>Turns the events of a period into the report the support team reads (see <see cref="InsightsReport"/>).</summary>
public sealed class InsightsBuilder(IInsightStore store, FlowCatalog flows, KnowledgeBase knowledge, UnansweredGroups unanswered)
{
    private const int TopQuestionCount = 20;
    private const int HandoffCount = 50;

    /// <summary>The report for the days <paramref name="from"/> to <paramref name="to"/>, both included (UTC days).</summary>
    public async Task<InsightsReport> BuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from) (from, to) = (to, from);
        return Build(from, to, await ReadAsync(from, to, cancellationToken));
    }

    /// <summary>Each flow's funnel alone for those days: what the flow diagrams need, without grouping any question.</summary>
    public async Task<IReadOnlyList<FlowFunnel>> FunnelsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Funnels(await ReadAsync(from, to, cancellationToken));

    private Task<IReadOnlyList<InsightEvent>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        store.ReadAsync(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);

    public InsightsReport Build(DateOnly from, DateOnly to, IReadOnlyList<InsightEvent> events)
    {
        var turns = events.Where(e => e.Kind == InsightKind.Turn).ToList();
        var notAnswered = turns.Where(t => t.Route == "fallback").Select(t => t.Question)
            .Concat(events.Where(e => e is { Kind: InsightKind.Feedback, Helpful: false, Page: not null }).Select(e => e.Question))
            .OfType<string>().ToList();
        return new InsightsReport(from, to,
            Days(from, to, events),
            TopQuestions(turns),
            unanswered.Group(notAnswered),
            Rated(events),
            Funnels(events),
            Handoffs(events));
    }

    private static List<DayTraffic> Days(DateOnly from, DateOnly to, IReadOnlyList<InsightEvent> events)
    {
        var byDay = events.ToLookup(e => DateOnly.FromDateTime(e.Time.UtcDateTime));
        var days = new List<DayTraffic>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var that = byDay[day].ToList();
            var turns = that.Where(e => e.Kind == InsightKind.Turn).ToList();
            var routes = turns.GroupBy(t => t.Route ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
            days.Add(new DayTraffic(day, that.Select(e => e.Conversation).Distinct().Count(), turns.Count, routes));
        }
        return days;
    }

    private static List<TopQuestion> TopQuestions(List<InsightEvent> turns) =>
        turns.Where(t => t.Route != "smalltalk").GroupBy(t => QuestionText.Normalise(t.Question)).Where(g => g.Key.Length > 0)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopQuestionCount)
            .Select(g =>
            {
                var usual = g.GroupBy(t => (t.Route, Target: t.Page ?? t.Flow)).OrderByDescending(r => r.Count()).First().Key;
                return new TopQuestion(g.Key, g.Count(), usual.Route ?? "unknown", usual.Target);
            })
            .ToList();

    private List<RatedPassage> Rated(IReadOnlyList<InsightEvent> events)
    {
        var library = knowledge.IsLoaded ? knowledge.Current.Library : null;
        return events.Where(e => e is { Kind: InsightKind.Feedback, Page: not null, Section: not null, Helpful: not null })
            .GroupBy(e => (Page: e.Page!, Section: e.Section!))
            .Select(g => new RatedPassage(g.Key.Page, g.Key.Section, library?.Find(g.Key.Page, g.Key.Section)?.Heading ?? g.Key.Section,
                g.Count(e => e.Helpful == false), g.Count(e => e.Helpful == true)))
            .OrderByDescending(r => r.No).ThenBy(r => r.Yes).ThenBy(r => r.Page, StringComparer.Ordinal).ThenBy(r => r.Section, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Each flow, started to finished. A step is counted once per conversation that reached it, so a person who
    /// asks for help on a question is not two people; abandoned is every start that neither solved the problem nor
    /// reached a person (stopped, or walked away).
    /// </summary>
    private List<FlowFunnel> Funnels(IReadOnlyList<InsightEvent> events)
    {
        var byFlow = events.Where(e => e.Flow is not null).ToLookup(e => e.Flow!);
        return flows.Flows.Select(flow =>
        {
            var its = byFlow[flow.Id].ToList();
            var started = its.Count(e => e.Kind == InsightKind.FlowStarted);
            var reached = its.Where(e => e.Kind == InsightKind.FlowStep).GroupBy(e => e.Step!)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Conversation).Distinct().Count());
            var steps = flow.Steps.Select(s => new StepReached(s.Id, reached.GetValueOrDefault(s.Id))).ToList();
            var completed = its.Count(e => e.Kind == InsightKind.FlowCompleted);
            // Every hand-off runs the hand-off flow, but is noted under the flow the person was in.
            var handedOff = flow.Id == FlowCatalog.HandoffFlowId
                ? events.Count(e => e.Kind == InsightKind.Handoff)
                : its.Count(e => e.Kind == InsightKind.Handoff);
            return new FlowFunnel(flow.Id, flow.Title, started, steps, completed, Math.Max(0, started - completed - handedOff), handedOff);
        }).ToList();
    }

    private static List<HandoffRecord> Handoffs(IReadOnlyList<InsightEvent> events) =>
        events.Where(e => e.Kind == InsightKind.Handoff).OrderByDescending(e => e.Time).Take(HandoffCount)
            .Select(e => new HandoffRecord(e.Time, e.Flow ?? "", e.Reason ?? "", e.Summary ?? "")).ToList();
}
