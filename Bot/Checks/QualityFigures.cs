using System.Text.Json;
using System.Text.Json.Serialization;

namespace MagLearn.Bot.Checks;

/// <summary>How many of a kind of question were answered right. Kept as counts, so a share is exact at any size.</summary>
public sealed record Tally(int Correct, int Of)
{
    [JsonIgnore]
    public double Share => Of == 0 ? 1 : (double)Correct / Of;

    public override string ToString() => $"{Share:0.000} ({Correct}/{Of})";
}

/// <summary>
/// The answer-quality figures the gate holds: route accuracy over every labeled question and top-1 page over those
/// that name pages, each question answered by routers trained without its fold. Recorded in
/// <c>content/quality/baseline.json</c>, beside the content they were measured on, so a change and its figures are
/// reviewed together.
/// </summary>
public sealed record QualityFigures(Tally Route, Tally Top1Page)
{
    public const string Folder = "quality";
    public const string File = "baseline.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static string PathIn(string contentFolder) => Path.Combine(contentFolder, Folder, File);

    /// <exception cref="FormatException">The file is not a baseline.</exception>
    public static QualityFigures Read(string path)
    {
        QualityFigures? figures;
        try
        {
            figures = JsonSerializer.Deserialize<QualityFigures>(System.IO.File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not a quality baseline ({e.Message})", e);
        }
        if (figures?.Route is null || figures.Top1Page is null)
            throw new FormatException($"{path}: a quality baseline needs 'route' and 'top1Page', each with 'correct' and 'of'");
        return figures;
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
    }
}
