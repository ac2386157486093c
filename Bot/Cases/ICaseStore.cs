namespace MagLearn.Bot.Cases;

/// <summary>
/// Where cases are recorded, on the same storage kind as conversation state. A case is keyed by its reference, and
/// adding one whose reference is already there changes nothing: that is what makes a retried turn record it once.
/// </summary>
public interface ICaseStore
{
    /// <summary>Records <paramref name="record"/> unless its reference is recorded already; either way returns what is stored.</summary>
    Task<CaseAdded> AddOnceAsync(CaseRecord record, CancellationToken cancellationToken = default);

    /// <summary>Notes that the hand-off event for the case went out (a case not recorded is left alone).</summary>
    Task MarkForwardedAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<CaseRecord?> FindAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>The cases recorded from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    Task<IReadOnlyList<CaseRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
