namespace MagLearn.Bot.Insights;

/// <summary>Where insight events are kept: the same store kind as conversation state (SQLite, Redis or memory).</summary>
public interface IInsightStore
{
    /// <summary>Keeps the events; completes when they are stored.</summary>
    Task AddAsync(IReadOnlyList<InsightEvent> events, CancellationToken cancellationToken = default);

    /// <summary>The events from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    Task<IReadOnlyList<InsightEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
