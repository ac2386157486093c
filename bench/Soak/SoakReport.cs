namespace MagLearn.Soak;

/// <summary>The soak's figures on one storage, printed as one row of a Markdown table with what they rest on.</summary>
public sealed record SoakReport(
    string Storage, double Minutes, double MaxTurnsPerSecond, double PacedTurnsPerSecond, double DoneTurnsPerSecond, long Turns,
    string Mix, double P50, double P99, long Errors, double RssAfterWarmupMiB, double RssEndMiB, double RssPeakMiB, double BoundMiB,
    double? RedisAfterWarmupMiB, double? RedisEndMiB, int ConversationsOpened, int ConversationsChecked, int ParkedChecked, int ConversationsIntact)
{
    public bool MemoryWithinBound => RssEndMiB <= BoundMiB;

    public bool Passed => Errors == 0 && ConversationsIntact == ConversationsChecked && MemoryWithinBound;

    public void Print(IReadOnlyList<double> rssByMinute, IReadOnlyList<string> firstErrors)
    {
        var redis = RedisAfterWarmupMiB is { } warm && RedisEndMiB is { } end ? $"{warm:0.0} / {end:0.0}" : "";
        Console.WriteLine($"mix of turns, in %: {ConversationPools.MixDescription}; {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| storage | minutes | max turns/s | paced turns/s (done) | turns | mix % (done) | p50 (ms) | p99 (ms) | errors | RSS after warm-up (MiB) | RSS end (MiB) | RSS peak (MiB) | bound (MiB) | Redis used_memory warm-up / end (MiB) | conversations checked / intact |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {Storage} | {Minutes:0.#} | {MaxTurnsPerSecond:0} | {PacedTurnsPerSecond:0} ({DoneTurnsPerSecond:0}) | {Turns} | {Mix} | {P50:0.00} | {P99:0.00} | " +
                          $"{Errors} | {RssAfterWarmupMiB:0} | {RssEndMiB:0} | {RssPeakMiB:0} | {BoundMiB:0} | {redis} | {ConversationsChecked} / {ConversationsIntact} |");
        Console.WriteLine();
        Console.WriteLine($"- memory: {MemoryBound.Rule}: {RssEndMiB:0} <= {BoundMiB:0} MiB, {(MemoryWithinBound ? "pass" : "FAIL")}; " +
                          $"RSS by minute of the soak (MiB): {string.Join(", ", rssByMinute.Select(m => m.ToString("0")))}");
        Console.WriteLine($"- state: {ConversationsOpened} conversations opened in all; the {ConversationsChecked} mid-walk at the end " +
                          $"({ParkedChecked} of them parked since before the soak) walked on to their ends: {ConversationsIntact} intact");
        Console.WriteLine($"- errors: {Errors}" + (firstErrors.Count == 0 ? "" : ", the first:"));
        foreach (var error in firstErrors) Console.WriteLine($"  - {error}");
        Console.WriteLine($"- soak: {(Passed ? "pass" : "FAIL")}");
    }
}
