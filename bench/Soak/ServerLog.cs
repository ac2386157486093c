namespace MagLearn.Soak;

/// <summary>
/// The bot's console output, as the soak's server wrote it to a file (the console logger's simple format: a
/// "fail:" or "crit:" line, then the message indented). A log entry at Error or Critical, or an unhandled
/// exception, is an error of the soak even when every reply was right.
/// </summary>
public static class ServerLog
{
    public static IReadOnlyList<string> Problems(string path)
    {
        var lines = File.ReadAllLines(path);
        var problems = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith("fail:", StringComparison.Ordinal) && !line.StartsWith("crit:", StringComparison.Ordinal)
                && !line.Contains("Unhandled", StringComparison.Ordinal)) continue;
            // The message is on the line after the level and category.
            problems.Add(i + 1 < lines.Length ? $"{line.Trim()} {lines[i + 1].Trim()}" : line.Trim());
        }
        return problems;
    }
}
