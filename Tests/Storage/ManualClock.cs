namespace MagLearn.Tests.Storage;

/// <summary>A clock the test moves by hand, for expiry and retention.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
