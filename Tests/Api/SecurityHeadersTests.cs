using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Api;

/// <summary>
/// Every response tells the browser what it may do with it: pages their own Content-Security-Policy (no inline or
/// evaluated script anywhere), everything else a policy that allows nothing; never a guessed type, never the
/// page's address sent on; HSTS when the client came over HTTPS.
/// </summary>
[Collection(HostCollection.Name)]
public partial class SecurityHeadersTests(MagLearnHost host)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/samples/portal-login.html")]
    [InlineData("/learn")]
    [InlineData("/learn/learn")]
    [InlineData("/learn/no-such-page")]
    [InlineData("/api/ask?q=invoice")]
    [InlineData("/healthz")]
    [InlineData("/admin/api/conversations/nobody/transcript")]
    [InlineData("/no/such/address")]
    public async Task Every_response_carries_a_policy_and_the_plain_headers(string path)
    {
        using var response = await host.CreateClient().GetAsync(path);

        var policy = Directives(response);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("'none'", policy["default-src"]);
        Assert.True(policy.ContainsKey("frame-ancestors"), "frame-ancestors");
        Assert.Equal("'none'", policy["base-uri"]);
        if (policy.TryGetValue("script-src", out var scripts))
            Assert.Equal("'self'", scripts);
    }

    [Fact]
    public async Task The_chat_page_runs_scripts_from_this_host_only_and_is_framed_only_by_itself()
    {
        using var response = await host.CreateClient().GetAsync("/");

        var policy = Directives(response);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["frame-ancestors"]);
        Assert.StartsWith("'self' ws://", policy["connect-src"]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/samples/portal-login.html")]
    public async Task A_page_allows_only_the_styles_carrying_its_own_nonce_fresh_on_every_response(string path)
    {
        using var first = await host.CreateClient().GetAsync(path);
        using var second = await host.CreateClient().GetAsync(path);
        var html = await first.Content.ReadAsStringAsync();

        var styles = Directives(first)["style-src"];
        var nonce = NonceSource().Match(styles).Groups[1].Value;
        // Besides the nonce, only an empty style attribute (the hash of nothing), which Web Chat writes once.
        Assert.Equal($"'self' 'nonce-{nonce}' 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", styles);
        Assert.Equal(24, nonce.Length);
        Assert.NotEqual(styles, Directives(second)["style-src"]);
        Assert.DoesNotContain("unsafe-inline", Header(first, "Content-Security-Policy"));
        var elements = ScriptOrStyle().Matches(html);
        Assert.NotEmpty(elements);
        Assert.All(elements, element => Assert.Contains($"nonce=\"{nonce}\"", element.Value));
        Assert.Equal("no-store", Header(first, "Cache-Control"));
    }

    [Fact]
    public async Task A_learn_page_allows_its_own_style_block_by_hash_and_nothing_else()
    {
        using var response = await host.CreateClient().GetAsync("/learn/learn");
        var html = await response.Content.ReadAsStringAsync();

        var css = StyleBlock().Match(html).Groups[1].Value;
        var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'";
        var policy = Directives(response);
        Assert.Equal(hash, policy["style-src"]);
        Assert.False(policy.ContainsKey("script-src"));
    }

    [Fact]
    public async Task Over_https_the_browser_is_told_to_keep_to_https()
    {
        var proxied = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["Host"] = "help.example.com" };
        var plain = new Dictionary<string, string> { ["Host"] = "help.example.com" };

        var secure = await Server().SendAsync("127.0.0.1", "GET", "/healthz", headers: proxied);
        var clear = await Server().SendAsync("127.0.0.1", "GET", "/healthz", headers: plain);

        Assert.StartsWith("max-age=31536000", secure.Headers.StrictTransportSecurity.ToString());
        Assert.False(clear.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private Microsoft.AspNetCore.TestHost.TestServer Server()
    {
        _ = host.CreateClient();
        return host.Server;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    private static Dictionary<string, string> Directives(HttpResponseMessage response)
    {
        var text = Header(response, "Content-Security-Policy");
        Assert.False(string.IsNullOrEmpty(text), $"{response.RequestMessage!.RequestUri} has no Content-Security-Policy");
        return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<(script|style)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();
}
