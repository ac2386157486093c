using System.Globalization;

namespace MagLearn.Knowledge.Answers;

/// <summary>
/// The fitted passage ranking kept on disk beside the routers, under the same key (it reads the same labeled
/// questions, index and model): fitting ranks every labeled question twenty ways, a tenth of a second of each
/// start. A file that cannot be read is fitted again; one that cannot be written costs the next start the fit.
/// </summary>
internal static class RankingCache
{
    private const string Format = "ranking-1";

    public static PassageRanking GetOrFit(string? folder, string key, Func<PassageRanking> fit)
    {
        var file = folder is null ? null : Path.Combine(folder, $"ranking-{key}.txt");
        if (file is not null && Read(file) is { } kept) return kept;
        var fitted = fit();
        if (file is not null) Write(file, fitted);
        return fitted;
    }

    private static PassageRanking? Read(string file)
    {
        try
        {
            if (!File.Exists(file)) return null;
            var lines = File.ReadAllLines(file);
            if (lines is not [Format, var fusion, var weight, var margin]) return null;
            return Enum.TryParse<PassageFusion>(fusion, out var kind) &&
                   double.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w is >= 0 and <= 1 &&
                   double.TryParse(margin, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m is >= 0 and <= 1
                ? new PassageRanking(w, m, kind)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Write(string file, PassageRanking ranking)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var partial = $"{file}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.partial";
            File.WriteAllLines(partial,
            [
                Format,
                ranking.Fusion.ToString(),
                ranking.WordsWeight.ToString("R", CultureInfo.InvariantCulture),
                ranking.CloseMargin.ToString("R", CultureInfo.InvariantCulture),
            ]);
            File.Move(partial, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
