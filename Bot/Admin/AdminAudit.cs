namespace MagLearn.Bot.Admin;

/// <summary>One line per admin request or sign-in: who (the client's address), what (method and path), the outcome.</summary>
public sealed partial class AdminAudit(ILogger<AdminAudit> logger)
{
    public void Write(HttpContext http, string outcome) =>
        Audit(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", http.Request.Method, http.Request.Path.Value ?? "", outcome);

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Admin audit: {Client} {Method} {Path}: {Outcome}")]
    private partial void Audit(string client, string method, string path, string outcome);
}
