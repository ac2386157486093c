using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Admin;

/// <summary>Lets a request through only with <c>X-Api-Key</c> equal to <see cref="AdminOptions.ApiKey"/>; 401 otherwise.</summary>
internal sealed class ApiKeyCheck(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(expected) || !SameKey(expected, given))
            return Results.Json(new { error = $"a valid {Header} header is required" }, statusCode: StatusCodes.Status401Unauthorized);
        return await next(context);
    }

    /// <summary>In constant time, so the key cannot be guessed a character at a time from response times.</summary>
    private static bool SameKey(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
