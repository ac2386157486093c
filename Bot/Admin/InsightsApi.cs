using System.Globalization;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Insights;

namespace MagLearn.Bot.Admin;

/// <summary>
/// The insights behind the admin key: <c>GET /admin/api/insights?from=&amp;to=</c> (the report as JSON),
/// <c>/admin/api/insights/{table}.csv</c> (one table) and <c>/admin/api/dialogs</c> (each flow as a Mermaid
/// flowchart with its funnel). A period is UTC days, both ends included; the last 30 days unless asked.
/// </summary>
public static class InsightsApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static RouteGroupBuilder MapInsights(this RouteGroupBuilder admin)
    {
        admin.MapGet("/insights", Report);
        admin.MapGet("/insights/{table}.csv", Csv);
        admin.MapGet("/dialogs", Dialogs);
        return admin;
    }

    private static async Task<IResult> Report(string? from, string? to, InsightsBuilder insights, TimeProvider clock, HttpContext http)
    {
        if (Period(from, to, clock) is not { } period) return BadPeriod();
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(await insights.BuildAsync(period.From, period.To, http.RequestAborted));
    }

    private static async Task<IResult> Csv(string table, string? from, string? to, InsightsBuilder insights, TimeProvider clock, HttpContext http)
    {
        if (!InsightsCsv.Tables.Contains(table))
            return Results.Json(new { error = $"no table '{table}'; there are: {string.Join(", ", InsightsCsv.Tables)}" }, statusCode: StatusCodes.Status404NotFound);
        if (Period(from, to, clock) is not { } period) return BadPeriod();
        var report = await insights.BuildAsync(period.From, period.To, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"maglearn-{table}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv\"";
        return Results.Text(InsightsCsv.Write(report, table)!, "text/csv; charset=utf-8");
    }

    private static async Task<IResult> Dialogs(string? from, string? to, InsightsBuilder insights, FlowCatalog catalog, TimeProvider clock, HttpContext http)
    {
        if (Period(from, to, clock) is not { } period) return BadPeriod();
        var funnels = await insights.FunnelsAsync(period.From, period.To, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(catalog.Flows.Select(flow =>
        {
            var funnel = funnels.FirstOrDefault(f => f.Flow == flow.Id);
            var reached = funnel?.Steps.ToDictionary(s => s.Step, s => s.Reached) ?? [];
            return new
            {
                id = flow.Id,
                title = flow.Title,
                file = $"dialogs/{Path.GetFileName(flow.File)}",
                funnel,
                mermaid = FlowDiagram.Mermaid(flow, reached),
            };
        }));
    }

    /// <summary>The days asked for, or null when they are not dates or span more than <see cref="MaxDays"/>.</summary>
    internal static (DateOnly From, DateOnly To)? Period(string? from, string? to, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!TryDay(to, today, out var last) || !TryDay(from, last.AddDays(-(DefaultDays - 1)), out var first)) return null;
        if (first > last) (first, last) = (last, first);
        return last.DayNumber - first.DayNumber >= MaxDays ? null : (first, last);
    }

    private static bool TryDay(string? text, DateOnly otherwise, out DateOnly day)
    {
        day = otherwise;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    internal static IResult BadPeriod() => Results.Json(
        new { error = $"from and to are days as yyyy-MM-dd, at most {MaxDays} days apart" }, statusCode: StatusCodes.Status400BadRequest);
}
