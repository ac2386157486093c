namespace MagLearn.Bot.Insights;

/// <summary>
/// Insight events in the process's memory, for tests and a bot run with memory state. Nothing else bounds a
/// long-running process's memory here, so only the newest <see cref="Capacity"/> events are kept.
/// </summary>
public sealed class MemoryInsightStore(int capacity = MemoryInsightStore.DefaultCapacity) : IInsightStore
{
    public const int DefaultCapacity = 200_000;

    private readonly List<InsightEvent> events = [];

    public int Capacity { get; } = capacity;

    public Task AddAsync(IReadOnlyList<InsightEvent> added, CancellationToken cancellationToken = default)
    {
        lock (events)
        {
            events.AddRange(added);
            if (events.Count > Capacity) events.RemoveRange(0, events.Count - Capacity);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InsightEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        lock (events) return Task.FromResult<IReadOnlyList<InsightEvent>>(events.Where(e => e.Time >= from && e.Time < to).OrderBy(e => e.Time).ToList());
    }
}
