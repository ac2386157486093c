namespace MagLearn.Soak;

/// <summary>How much resident memory the server may hold at the end of the soak, given what it held after the warm-up.</summary>
public static class MemoryBound
{
    public const double Factor = 1.25;
    public const double SlackMiB = 32;

    public static string Rule => $"end RSS <= RSS after warm-up x {Factor:0.00} + {SlackMiB:0} MiB";

    public static double For(double rssAfterWarmupMiB) => rssAfterWarmupMiB * Factor + SlackMiB;
}
