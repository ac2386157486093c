using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Admin;

/// <summary>
/// Lets a request through only with <c>X-Api-Key</c> equal to <see cref="AdminOptions.ApiKey"/>; 401 otherwise.
/// Every request, let through or not, leaves one audit line: who (the client's address), what (method and path),
/// and whether the key was right. Never the key, nor any part of it.
/// </summary>
internal sealed partial class ApiKeyCheck(IOptions<AdminOptions> options, ILogger<ApiKeyCheck> logger) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = options.Value.ApiKey;
        var given = http.Request.Headers[Header].ToString();
        var allowed = !string.IsNullOrEmpty(expected) && SameKey(expected, given);
        Audit(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", http.Request.Method, http.Request.Path.Value ?? "",
            allowed ? "allowed" : given.Length == 0 ? "refused: no key" : "refused: wrong key");
        if (!allowed) return Results.Json(new { error = $"a valid {Header} header is required" }, statusCode: StatusCodes.Status401Unauthorized);
        return await next(context);
    }

    /// <summary>In constant time, so the key cannot be guessed a character at a time from response times.</summary>
    private static bool SameKey(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Admin audit: {Client} {Method} {Path}: {Outcome}")]
    private partial void Audit(string client, string method, string path, string outcome);
}
