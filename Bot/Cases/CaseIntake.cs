using MagLearn.Bot.Flows.Handoff;

namespace MagLearn.Bot.Cases;

/// <summary>
/// Takes a hand-off's case in, once. The case is recorded before anything is sent, under its reference; the turn
/// that made it may be taken again (a channel retrying a post it got no answer to, or the next instance after one
/// died before saving the conversation), and then the case is found, not added. The hand-off event goes out only
/// for a case not yet forwarded; after it has gone, the case is marked. The one window left: an instance that dies
/// between sending the event and marking it sends it again on the retry, with the same reference, for the
/// receiver to recognise.
/// </summary>
public sealed class CaseIntake(ICaseStore store, TimeProvider clock, ILogger<CaseIntake> log)
{
    /// <summary>Records the case unless it is recorded already, and says whether its hand-off event is still to go out.</summary>
    public async Task<CaseTaken> TakeAsync(string? channel, string? conversation, CaseSummary summary, CancellationToken cancellationToken)
    {
        var added = await store.AddOnceAsync(new CaseRecord(summary.Reference, channel, conversation, summary, clock.GetUtcNow()), cancellationToken);
        if (!added.IsNew)
            log.LogInformation("Case {Reference} was recorded before, at {Recorded:o}: the turn that made it was taken again ({Forwarded})",
                summary.Reference, added.Stored.Recorded, added.Stored.Forwarded is null ? "not yet forwarded" : "already forwarded");
        return new CaseTaken(added.Stored, added.IsNew, ToForward: added.Stored.Forwarded is null);
    }

    /// <summary>The hand-off event for the case has gone out.</summary>
    public Task ForwardedAsync(string reference, CancellationToken cancellationToken) =>
        store.MarkForwardedAsync(reference, clock.GetUtcNow(), cancellationToken);
}

/// <param name="Case">The case as recorded: the first time's summary, if this turn was taken before.</param>
/// <param name="IsNew">Recorded by this turn (and so counted in the insights by it).</param>
/// <param name="ToForward">Its hand-off event has not gone out yet.</param>
public sealed record CaseTaken(CaseRecord Case, bool IsNew, bool ToForward);
