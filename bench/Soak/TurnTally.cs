namespace MagLearn.Soak;

/// <summary>The turns of one phase of the soak: how many, how long each took, and what went wrong (the first few in full).</summary>
public sealed class TurnTally(string phase)
{
    private const int KeptErrors = 10;

    private readonly Lock gate = new();
    private readonly List<double> milliseconds = new(1 << 16);
    private readonly List<string> firstErrors = [];

    public long Turns { get; private set; }
    public long Errors { get; private set; }

    public IReadOnlyList<string> FirstErrors
    {
        get { lock (gate) return firstErrors.ToList(); }
    }

    public void Add(TurnOutcome outcome)
    {
        lock (gate)
        {
            Turns++;
            milliseconds.Add(outcome.Milliseconds);
            if (outcome.Error is { } error) AddErrorLocked(error);
        }
    }

    /// <summary>An error that is not a turn's reply: a turn that threw, a server log line.</summary>
    public void AddError(string error)
    {
        lock (gate) AddErrorLocked(error);
    }

    private void AddErrorLocked(string error)
    {
        Errors++;
        if (firstErrors.Count < KeptErrors) firstErrors.Add($"{phase}: {error}");
    }

    public double Percentile(double q)
    {
        lock (gate)
        {
            if (milliseconds.Count == 0) return double.NaN;
            var sorted = milliseconds.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        }
    }
}
