using System.Collections.Concurrent;

namespace MagLearn.Bot.Cases;

/// <summary>Cases in process memory, for Storage:Kind Memory (a developer's machine, tests): gone with the process.</summary>
public sealed class MemoryCaseStore : ICaseStore
{
    private readonly ConcurrentDictionary<string, CaseRecord> cases = new(StringComparer.Ordinal);

    public Task<CaseAdded> AddOnceAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        var stored = cases.GetOrAdd(record.Reference, record);
        return Task.FromResult(new CaseAdded(stored, ReferenceEquals(stored, record)));
    }

    public Task MarkForwardedAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        while (cases.TryGetValue(reference, out var stored) && stored.Forwarded is null)
        {
            if (cases.TryUpdate(reference, stored with { Forwarded = at }, stored)) break;
        }
        return Task.CompletedTask;
    }

    public Task<CaseRecord?> FindAsync(string reference, CancellationToken cancellationToken = default) =>
        Task.FromResult(cases.TryGetValue(reference, out var stored) ? stored : null);

    public Task<IReadOnlyList<CaseRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>(cases.Values.Where(c => c.Recorded >= from && c.Recorded < to).OrderBy(c => c.Recorded).ToList());
}
