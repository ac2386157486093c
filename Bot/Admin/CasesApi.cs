using MagLearn.Bot.Cases;

namespace MagLearn.Bot.Admin;

/// <summary>
/// The cases handed to support, behind the admin key: <c>GET /admin/api/cases?from=&amp;to=</c> (those recorded in a
/// period of UTC days, both ends included, the last 30 unless asked) and <c>GET /admin/api/cases/{reference}</c>
/// (the one a person reads out on the phone). Each with its summary, conversation and when its event went out.
/// </summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder admin)
    {
        admin.MapGet("/cases", List);
        admin.MapGet("/cases/{reference}", One);
        return admin;
    }

    private static async Task<IResult> List(string? from, string? to, ICaseStore cases, TimeProvider clock, HttpContext http)
    {
        if (InsightsApi.Period(from, to, clock) is not { } period) return InsightsApi.BadPeriod();
        var start = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(await cases.ReadAsync(start, end, http.RequestAborted));
    }

    private static async Task<IResult> One(string reference, ICaseStore cases, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        // References are written in capitals; read out on the phone, they may be typed in any case.
        return await cases.FindAsync(reference.Trim().ToUpperInvariant(), http.RequestAborted) is { } found
            ? Results.Json(found)
            : Results.Json(new { error = $"no case '{reference}' is recorded (or it is past its retention)" }, statusCode: StatusCodes.Status404NotFound);
    }
}
