using System.Text.Json;
using System.Text.Json.Serialization;

namespace MagLearn.Knowledge.Evaluation;

/// <summary>One line of a question file: what a user typed and where it should go.</summary>
public sealed record EvalQuestion(string Id, string Text, EvalExpectation Expect)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a JSON Lines question file; a bad line is reported with its number.</summary>
    public static List<EvalQuestion> ReadJsonLines(string path)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            EvalQuestion? question;
            try
            {
                question = JsonSerializer.Deserialize<EvalQuestion>(line, Json);
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

public sealed record EvalExpectation(
    string Route,
    string? Dialog,
    [property: JsonPropertyName("pages")] IReadOnlyList<string>? Pages);
