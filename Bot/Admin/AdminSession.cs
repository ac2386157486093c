using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Admin;

/// <summary>
/// The signed-in state of a person at /admin: a cookie holding an expiry and an HMAC of it under the admin key.
/// Nothing is kept on the server, every instance behind the proxy reads it alike, and changing the key signs
/// everyone out. The cookie is Secure (browsers accept it over http on localhost only), HttpOnly (no script reads
/// it) and SameSite=Strict (no other site's page can make the browser send it).
/// </summary>
public sealed class AdminSession(IOptions<AdminOptions> options, TimeProvider clock)
{
    public const string Cookie = "maglearn-admin";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Whether <paramref name="given"/> is the admin key (false when none is set), in constant time.</summary>
    public bool IsKey(string? given)
    {
        var expected = options.Value.ApiKey;
        return !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(given) &&
            CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }

    /// <summary>Whether the request carries a session cookie this key signed and that has not expired.</summary>
    public bool IsSignedIn(HttpRequest request)
    {
        var key = options.Value.ApiKey;
        if (string.IsNullOrEmpty(key) || request.Cookies[Cookie] is not { } value) return false;
        var dot = value.IndexOf('.');
        if (dot <= 0 || !long.TryParse(value[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return false;
        if (DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, DateTimeOffset.MaxValue.ToUnixTimeSeconds())) <= clock.GetUtcNow()) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, expires)), Encoding.ASCII.GetBytes(value[(dot + 1)..]));
    }

    public void SignIn(HttpResponse response)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        response.Cookies.Append(Cookie, $"{expires}.{Sign(options.Value.ApiKey!, expires)}", CookieOptions(Lifetime));
    }

    public static void SignOut(HttpResponse response) => response.Cookies.Delete(Cookie, CookieOptions(null));

    private static CookieOptions CookieOptions(TimeSpan? maxAge) => new()
    {
        Path = "/admin",
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static string Sign(string key, long expires) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes($"admin-session:{expires}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
