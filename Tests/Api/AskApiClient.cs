using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MagLearn.Tests.Api;

/// <summary>Calls to <c>/api/ask</c> the way the MAG portal's help box makes them, and their JSON read back.</summary>
internal static class AskApiClient
{
    public static Task<HttpResponseMessage> GetAsk(this HttpClient client, string? question, string? top = null)
    {
        var query = new List<string>();
        if (question is not null) query.Add("q=" + Encode(question));
        if (top is not null) query.Add("top=" + Encode(top));
        return client.GetAsync("/api/ask" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
    }

    public static Task<HttpResponseMessage> PostAsk(this HttpClient client, string? text, int? top = null) =>
        client.PostAsJsonAsync("/api/ask", new { text, top });

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> OkJson(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Json();
    }

    /// <summary>A 400 whose body is <c>{"error": "..."}</c> with a reason in it.</summary>
    public static async Task AssertBadRequestWithError(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Json();
        Assert.Equal(JsonValueKind.String, body.GetProperty("error").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }

    /// <summary>
    /// Percent-encodes the UTF-8 bytes of any string, lone surrogates included (sent as U+FFFD, as a browser would),
    /// where <see cref="Uri.EscapeDataString(string)"/> would refuse them.
    /// </summary>
    private static string Encode(string text)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetBytes(text);
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                encoded.Append((char)b);
            else
                encoded.Append('%').Append(b.ToString("X2"));
        }
        return encoded.ToString();
    }
}
