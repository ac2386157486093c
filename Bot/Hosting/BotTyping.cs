namespace MagLearn.Bot.Hosting;

/// <summary>When the typing indicator appears (after this long into a turn) and how often it is repeated.</summary>
public static class BotTyping
{
    public const int DelayMs = 300;
    public const int PeriodMs = 2000;
}
