using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace MagLearn.Tests.Support;

/// <summary>
/// A request to the in-memory host from a client address of the test's choosing: the whole pipeline runs as for a
/// caller at that address (proxy headers, limits, access checks), which loopback alone cannot show.
/// </summary>
public static class CallerAt
{
    public sealed record Answer(int Status, IHeaderDictionary Headers, string Body);

    public static async Task<Answer> SendAsync(this TestServer server, string from, string method, string path,
        string? json = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var context = await server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(from);
            http.Request.Method = method;
            var query = path.IndexOf('?');
            http.Request.Path = query < 0 ? path : path[..query];
            if (query >= 0) http.Request.QueryString = new QueryString(path[query..]);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) http.Request.Headers[name] = value;
            if (json is null) return;
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        });
        return new Answer(context.Response.StatusCode, context.Response.Headers, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
