using System.Security.Cryptography;
using System.Text;

namespace MagLearn.Bot.Headers;

/// <summary>
/// Headers every response carries: the browser must not guess a type the host did not send
/// (<c>X-Content-Type-Options</c>), no page's address leaves with a request (<c>Referrer-Policy</c>), and unless a
/// page states its own <c>Content-Security-Policy</c>, a response allows nothing at all: JSON and errors are not
/// pages, and a response that is read as one by mistake can run and load nothing, nor be framed.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of everything that is not a page with a policy of its own.</summary>
    public const string NothingAllowed = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The CSP source that allows exactly this inline style block and no other.</summary>
    public static string StyleHash(string css) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'";

    internal static Task Apply(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.Append("Referrer-Policy", "no-referrer");
        http.Response.OnStarting(() =>
        {
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = NothingAllowed;
            return Task.CompletedTask;
        });
        return next();
    }
}
