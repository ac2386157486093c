using System.Globalization;
using System.Text;
using MagLearn.Bot.Insights;

namespace MagLearn.Bot.Admin;

/// <summary>Each table of the insights report as CSV (RFC 4180), for a spreadsheet.</summary>
public static class InsightsCsv
{
    public static readonly IReadOnlyList<string> Tables = ["days", "top-questions", "unanswered", "unhelpful", "funnels", "handoffs"];

    private static readonly string[] Routes = ["answer", "dialog", "person", "fallback", "smalltalk"];

    /// <summary>The table named <paramref name="table"/>, or null when there is none by that name.</summary>
    public static string? Write(InsightsReport report, string table) => table switch
    {
        "days" => Rows(["day", "conversations", "questions", .. Routes],
            report.Days.Select(d => (IEnumerable<object?>)[d.Day.ToString("yyyy-MM-dd"), d.Conversations, d.Questions, .. Routes.Select(r => (object)d.Routes.GetValueOrDefault(r))])),
        "top-questions" => Rows(["question", "count", "route", "target"],
            report.TopQuestions.Select(q => (IEnumerable<object?>)[q.Question, q.Count, q.Route, q.Target])),
        "unanswered" => Rows(["count", "examples", "nearest_kind", "nearest_id", "nearest_score", "add_to_file", "under", "lines"],
            report.Unanswered.Select(g => (IEnumerable<object?>)[g.Count, string.Join(" | ", g.Examples), g.Nearest?.Kind, g.Nearest?.Id, g.Nearest?.Score,
                g.Suggestion?.File, g.Suggestion?.Under, g.Suggestion is null ? null : string.Join("\n", g.Suggestion.Lines)])),
        "unhelpful" => Rows(["page", "section", "heading", "no", "yes"],
            report.Unhelpful.Select(r => (IEnumerable<object?>)[r.Page, r.Section, r.Heading, r.No, r.Yes])),
        "funnels" => Rows(["flow", "title", "stage", "count"],
            report.Funnels.SelectMany(f => (IEnumerable<IEnumerable<object?>>)
            [
                [f.Flow, f.Title, "started", f.Started],
                .. f.Steps.Select(s => (IEnumerable<object?>)[f.Flow, f.Title, "step:" + s.Step, s.Reached]),
                [f.Flow, f.Title, "completed", f.Completed],
                [f.Flow, f.Title, "handed off", f.HandedOff],
                [f.Flow, f.Title, "abandoned", f.Abandoned],
            ])),
        "handoffs" => Rows(["time", "flow", "reason", "summary"],
            report.Handoffs.Select(h => (IEnumerable<object?>)[h.Time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), h.Flow, h.Reason, h.Summary])),
        _ => null,
    };

    private static string Rows(IReadOnlyList<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(",", header.Select(Field))).Append("\r\n");
        foreach (var row in rows) csv.Append(string.Join(",", row.Select(Field))).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>
    /// A field quoted when it must be; a field a spreadsheet would run as a formula (=, +, -, @ first) gets a
    /// leading apostrophe, since the questions in it were typed by strangers.
    /// </summary>
    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
