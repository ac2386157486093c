namespace MagLearn.Soak;

/// <summary>
/// How much resident memory the server may hold at the end of the soak: what it held after the warm-up, plus
/// what the bot is built to fill as it runs on, plus the garbage collector's swing between two readings.
/// Once warm, the bot fills only bounded stores: the sentence model's recent messages and decisions (10,000 of
/// each, at most about 32 MiB together, a never-seen message adding one of each), SQLite's page cache (2 MiB a
/// connection) and each Direct Line conversation's latest activities (at most 1 MiB each, full within the first
/// minute and a half of the load, so before the warm-up reading). In one-minute runs the peak was up to 10 MiB
/// above the end. So 64 MiB: the stores filling from empty and the collector's swing, with a little room.
/// A leak of 300 bytes a turn would take the whole of it in ten minutes at 400 turns per second.
/// </summary>
public static class MemoryBound
{
    public const double AllowanceMiB = 64;

    public static string Rule => $"end RSS <= RSS after warm-up + {AllowanceMiB:0} MiB";

    public static double For(double rssAfterWarmupMiB) => rssAfterWarmupMiB + AllowanceMiB;
}
