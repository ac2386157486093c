using System.Net;
using System.Text;
using MagLearn.Tests.Channels;
using MagLearn.Tests.Channels.DirectLine;

namespace MagLearn.Tests.Hosting;

/// <summary>
/// Every endpoint that reads a body stops at its limit however the body is sent: with a Content-Length it is
/// refused before a byte is read, and chunked (no length given) it is read up to the limit and no further. The
/// answer is a 413 and the conversation goes on. Real Kestrel on loopback, as a client on the network meets it.
/// </summary>
[Collection(ChannelsCollection.Name)]
public class BodyLimitTests(ChannelsHost host)
{
    /// <summary>Far more than any endpoint takes; a server that read it all would have lost the limit.</summary>
    private const long Endless = 64L * 1024 * 1024;

    public static TheoryData<string> Endpoints => new() { "/api/messages", "/api/ask", "directline" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_chunked_body_past_the_limit_gets_413_and_is_not_read_to_its_end(string endpoint)
    {
        using var http = host.Http();
        var (path, token) = await PathOf(endpoint, http);
        var body = new EndlessJson();

        var status = await PostChunkedAsync(path, body, token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.True(body.Sent < 8 * 1024 * 1024, $"the server took {body.Sent} bytes of a body it had refused");
    }

    [Fact]
    public async Task After_a_refused_body_the_conversation_goes_on()
    {
        using var http = host.Http();
        var client = await DirectLineConversationClient.StartedAsync(http);
        var refused = await PostChunkedAsync($"v3/directline/conversations/{client.ConversationId}/activities", new EndlessJson(), client.Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused);

        await client.SaysAsync("how do I pay an invoice?");

        var replies = await client.ReadUntilAsync(a => a.Value<string>("text")?.Contains("/learn/billing-support#") == true);
        Assert.Contains(replies, a => a.Value<string>("text")?.Contains("/learn/billing-support#") == true);
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_read_whole()
    {
        using var http = host.Http();
        var question = Encoding.UTF8.GetBytes("{\"text\": \"how do I pay an invoice?\", \"top\": 1}");
        using var content = new StreamContent(new MemoryStream(question));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ask") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<(string Path, string? Token)> PathOf(string endpoint, HttpClient http)
    {
        if (endpoint != "directline") return (endpoint.TrimStart('/'), null);
        // The conversation's own token: the limit holds for a caller who may post.
        var client = await DirectLineConversationClient.StartedAsync(http);
        return ($"v3/directline/conversations/{client.ConversationId}/activities", client.Token);
    }

    /// <summary>
    /// A chunked POST written on a socket, with the response read while the body is still being sent: HttpClient
    /// reports a server that stops reading as a broken pipe and drops the response it sent first.
    /// </summary>
    private async Task<HttpStatusCode> PostChunkedAsync(string path, EndlessJson body, string? token = null)
    {
        var url = new Uri(host.BaseUrl);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        var stream = tcp.GetStream();
        var head = $"POST /{path} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n" +
                   (token is null ? "" : $"Authorization: Bearer {token}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var response = ReadStatusAsync(stream);
        await body.WriteChunkedAsync(stream, until: response);
        return await response.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<HttpStatusCode> ReadStatusAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != (byte)'\n') line.Append((char)one[0]);
        // "HTTP/1.1 413 Payload Too Large"
        return (HttpStatusCode)int.Parse(line.ToString().Split(' ')[1]);
    }

    /// <summary>A JSON string that never ends, sent a chunk at a time; counts what the server let through.</summary>
    private sealed class EndlessJson
    {
        private long sent;

        public long Sent => Interlocked.Read(ref sent);

        public async Task WriteChunkedAsync(Stream stream, Task until)
        {
            var start = "{\"type\": \"message\", \"text\": \""u8.ToArray();
            var chunk = Encoding.ASCII.GetBytes(new string('a', 16 * 1024));
            try
            {
                await WriteChunkAsync(stream, start);
                while (Sent < Endless && !until.IsCompleted)
                {
                    await WriteChunkAsync(stream, chunk);
                    Interlocked.Add(ref sent, chunk.Length);
                }
            }
            catch (IOException)
            {
                // The server stopped reading and closed the connection: what it should do.
            }
        }

        private static async Task WriteChunkAsync(Stream stream, byte[] data)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"));
            await stream.WriteAsync(data);
            await stream.WriteAsync("\r\n"u8.ToArray());
        }
    }
}
