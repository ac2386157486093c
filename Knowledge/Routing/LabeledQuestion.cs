using System.Text.Json;
using System.Text.Json.Serialization;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// One line of a question file: what a person typed and where it should go (the route, the flow, the pages that
/// answer it). The router learns from such a file in the content (<see cref="RouteTrainingSet"/>); the evaluation
/// measures against any.
/// </summary>
public sealed record LabeledQuestion(string Id, string Text, Expectation Expect)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a JSON Lines question file; a bad line is reported with its number.</summary>
    public static List<LabeledQuestion> ReadJsonLines(string path)
    {
        var questions = new List<LabeledQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            LabeledQuestion? question;
            try
            {
                question = JsonSerializer.Deserialize<LabeledQuestion>(line, Json);
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{number}: not a question object ({e.Message})");
            }
            if (question?.Text is null || question.Expect?.Route is null)
                throw new FormatException($"{path}:{number}: a question needs 'text' and 'expect.route'");
            questions.Add(question with { Id = question.Id ?? $"line{number}" });
        }
        return questions;
    }
}

/// <summary>Where a labeled question should go.</summary>
public sealed record Expectation(
    string Route,
    string? Dialog,
    [property: JsonPropertyName("pages")] IReadOnlyList<string>? Pages)
{
    /// <summary>The route as the router names it (<see cref="RouteLabels"/>).</summary>
    public string Label => RouteLabels.Of(Route, Dialog);
}
