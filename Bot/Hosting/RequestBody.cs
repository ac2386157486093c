using Microsoft.AspNetCore.Http.Features;

namespace MagLearn.Bot.Hosting;

/// <summary>
/// Reads a request's body up to a limit, however it is framed. A Content-Length over the limit is refused before
/// a byte is read; a chunked body (no Content-Length) is read until it passes the limit and no further. The server's
/// own limit is lowered to the same figure, so Kestrel stops a body that lies about its length as well.
/// </summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = maxBytes;

        var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer, cancellationToken);
                if (read == 0) break;
                if (body.Length + read > maxBytes) return null;
                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        body.Position = 0;
        return body;
    }
}
