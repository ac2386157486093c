namespace MagLearn.Bot.Admin;

/// <summary>
/// Lets a request through with <c>X-Api-Key</c> equal to <see cref="AdminOptions.ApiKey"/> (scripts) or a signed-in
/// session cookie (the /admin pages); 401 otherwise.
/// </summary>
internal sealed class ApiKeyCheck(AdminSession session) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!session.IsKey(request.Headers[Header].ToString()) && !session.IsSignedIn(request))
            return Results.Json(new { error = $"a valid {Header} header or a signed-in session is required" }, statusCode: StatusCodes.Status401Unauthorized);
        return await next(context);
    }
}
