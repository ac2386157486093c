namespace MagLearn.Bot.Checks;

/// <summary>
/// The last check of the files the running bot serves. With problems, the bot still serves what it had before the
/// change (<see cref="ServingSince"/> says since when); the problems say which file and line to fix.
/// </summary>
public sealed record ValidationReport(DateTimeOffset CheckedAt, DateTimeOffset ServingSince, IReadOnlyList<ContentIssue> Problems)
{
    public bool Valid => Problems.Count == 0;
}
