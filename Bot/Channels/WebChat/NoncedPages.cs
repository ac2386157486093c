using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MagLearn.Bot.Channels.WebChat;

/// <summary>
/// The pages in wwwroot (the chat, the sample portal pages), written per request with a fresh nonce on each of
/// their script and style elements and in their Content-Security-Policy, so that styles need no
/// <c>'unsafe-inline'</c>: a page's own style block carries the nonce, mag-chat.js hands it to Web Chat, and the
/// widget puts its script's nonce on its launcher's style. A style element or attribute injected into a page has
/// no nonce and is not applied.
/// </summary>
internal sealed partial class NoncedPages(IWebHostEnvironment environment, PagePolicy policy)
{
    /// <summary>Each page as last read, with the file's time then: read again only when the file has changed.</summary>
    private readonly ConcurrentDictionary<string, (DateTimeOffset Modified, string Html)> read = new(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var request = http.Request;
        var path = request.Path.Value;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || path is null || !path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            || environment.WebRootFileProvider.GetFileInfo(path) is not { Exists: true, IsDirectory: false } file)
        {
            await next();
            return;
        }
        if (!read.TryGetValue(path, out var page) || page.Modified != file.LastModified)
        {
            using var reader = new StreamReader(file.CreateReadStream());
            read[path] = page = (file.LastModified, await reader.ReadToEndAsync(http.RequestAborted));
        }
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var body = Elements().Replace(page.Html, element => $"{element.Value} nonce=\"{nonce}\"");

        var response = http.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = policy.For(request, nonce);
        // The nonce is this response's alone: a cached copy would carry one the next response's policy does not name.
        response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(request.Method)) return;
        await response.WriteAsync(body, http.RequestAborted);
    }

    [GeneratedRegex(@"<(script|style)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Elements();
}
