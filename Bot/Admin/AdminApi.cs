using MagLearn.Bot.Checks;
using MagLearn.Bot.Transcripts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace MagLearn.Bot.Admin;

/// <summary>
/// <c>GET /admin/api/conversations/{id}/transcript</c>: the hand-off summary and the redacted transcript of a
/// conversation, for support staff picking it up; <c>GET /admin/api/content/report</c>: the last check of the
/// content and dialog files the bot serves; the insights (<see cref="InsightsApi"/>) and the pages that show them
/// (<see cref="AdminPages"/>); the cases handed to support (<see cref="CasesApi"/>). Every route under /admin/api
/// needs the admin key or a signed-in session.
/// </summary>
public static class AdminApi
{
    private static readonly JsonSerializer CamelCase = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Include,
    });

    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.ApiKey) || o.ApiKey.Length >= AdminOptions.MinKeyLength,
                $"Admin:ApiKey must be at least {AdminOptions.MinKeyLength} characters")
            .ValidateOnStart();
        builder.Services.AddSingleton<ConversationRecords>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AdminSession>();
        builder.Services.AddSingleton<AdminAudit>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/api").AddEndpointFilter<ApiKeyCheck>();
        admin.MapGet("/conversations/{id}/transcript", Transcript);
        admin.MapGet("/content/report", (ContentReload reload) => Results.Json(reload.Report));
        admin.MapInsights();
        admin.MapCases();
        app.MapAdminPages();
        return app;
    }

    /// <param name="channelId">Only needed for a conversation with no transcript (transcripts off or expired).</param>
    private static async Task<IResult> Transcript(string id, string? channelId, ConversationRecords records, HttpContext http)
    {
        var record = await records.ReadAsync(id, channelId, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        if (!record.Exists)
            return Results.Json(new { error = "no transcript or hand-off is kept for this conversation" }, statusCode: StatusCodes.Status404NotFound);
        var body = new JObject
        {
            ["conversationId"] = record.ConversationId,
            ["channelId"] = record.ChannelId,
            // The flows mask secrets before a summary is stored; masking again costs nothing if one slipped through.
            ["handoff"] = record.Handoff is null ? JValue.CreateNull() : ActivityRedactor.RedactProse(JObject.FromObject(record.Handoff, CamelCase)),
            ["transcript"] = new JArray(record.Transcript),
        };
        return Results.Text(body.ToString(Formatting.None), "application/json");
    }
}
