using System.Net;

namespace MagLearn.Tests.Channels;

/// <summary>The widget on the portal calls this host from the portal's origin: allowed for configured origins only.</summary>
[Collection(ChannelsCollection.Name)]
public class PortalCorsTests(ChannelsHost host)
{
    private readonly HttpClient http = host.Http();

    [Theory]
    [InlineData("/api/webchat/token", "POST")]
    [InlineData("/v3/directline/conversations", "POST")]
    [InlineData("/v3/directline/conversations/abc/activities", "GET")]
    public async Task A_configured_portal_origin_may_call_with_direct_lines_headers(string path, string method)
    {
        var response = await PreflightAsync(path, method, ChannelsHost.PortalOrigin);

        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
        Assert.Equal(ChannelsHost.PortalOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-ms-bot-agent", headers);
        Assert.Contains("authorization", headers);
    }

    [Fact]
    public async Task Another_origin_gets_no_permission()
    {
        var response = await PreflightAsync("/api/webchat/token", "POST", "https://evil.example.com");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_token_answer_names_the_portal_origin_it_was_asked_from()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("Origin", ChannelsHost.PortalOrigin);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ChannelsHost.PortalOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string method, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return await http.SendAsync(request);
    }
}
