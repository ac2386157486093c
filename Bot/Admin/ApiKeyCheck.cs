namespace MagLearn.Bot.Admin;

/// <summary>
/// Lets a request through with <c>X-Api-Key</c> equal to <see cref="AdminOptions.ApiKey"/> (scripts) or a signed-in
/// session cookie (the /admin pages); 401 otherwise. Every request, let through or not, leaves one audit line: who
/// (the client's address), what (method and path), and how it was let in or why not. Never the key, nor any part
/// of it, nor the cookie.
/// </summary>
internal sealed class ApiKeyCheck(AdminSession session, AdminAudit audit) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var given = http.Request.Headers[Header].ToString();
        var outcome = session.IsKey(given) ? "allowed: key"
            : session.IsSignedIn(http.Request) ? "allowed: session"
            : given.Length == 0 ? "refused: no key" : "refused: wrong key";
        audit.Write(http, outcome);
        if (outcome.StartsWith("refused", StringComparison.Ordinal))
            return Results.Json(new { error = $"a valid {Header} header or a signed-in session is required" }, statusCode: StatusCodes.Status401Unauthorized);
        return await next(context);
    }
}
