using MagLearn.LoadGen;

namespace MagLearn.Soak;

/// <summary>
/// The server's resident memory (VmRSS) read every few seconds while the soak runs, so a slow climb shows as a
/// slope and not only as the difference between two readings.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly ServerProcess server;
    private readonly TimeSpan every;
    private readonly List<(TimeSpan At, double MiB)> samples = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    public MemorySampler(ServerProcess server, TimeSpan every)
    {
        this.server = server;
        this.every = every;
        sampling = Task.Run(SampleAsync);
    }

    private IReadOnlyList<(TimeSpan At, double MiB)> Samples
    {
        get { lock (gate) return samples.ToList(); }
    }

    /// <summary>The most of the samples so far, with one taken now.</summary>
    public double PeakMiB
    {
        get
        {
            Sample();
            lock (gate) return samples.Max(s => s.MiB);
        }
    }

    /// <summary>The sample nearest each whole minute, for a line that shows the trend.</summary>
    public IReadOnlyList<double> ByMinute()
    {
        var all = Samples;
        var minutes = (int)(all[^1].At.TotalMinutes);
        return Enumerable.Range(0, minutes + 1)
            .Select(m => all.MinBy(s => Math.Abs((s.At - TimeSpan.FromMinutes(m)).TotalSeconds)).MiB)
            .ToList();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(every);
        Sample();
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token)) Sample();
        }
        catch (OperationCanceledException) { }
    }

    private void Sample()
    {
        var mib = server.ResidentMiB;
        lock (gate) samples.Add((clock.Elapsed, mib));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
