using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using MagLearn.Bot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Channels.WebChat;

/// <summary>
/// <c>POST /api/webchat/token</c>: what the page calls instead of ever seeing a Direct Line secret. It answers
/// <c>{token, conversationId, userId, expires_in, domain}</c> for one new conversation, the user id (<c>dl_...</c>)
/// chosen here and sealed in the token, from the local Direct Line or from Azure's, whichever is configured.
/// </summary>
internal sealed class WebChatTokenEndpoint(
    IOptions<DirectLineOptions> directLine,
    IOptions<WebChatOptions> webChat,
    DirectLineConversations conversations,
    DirectLineTokens tokens,
    IHttpClientFactory clients,
    ILogger<WebChatTokenEndpoint> logger)
{
    public const string Path = "/api/webchat/token";
    public const string AzureClient = "AzureDirectLine";

    public async Task<IResult> IssueAsync(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        var options = directLine.Value;
        if (options.Local.IsOn)
        {
            var conversation = conversations.Create();
            var request = http.Request;
            var issued = tokens.Issue(conversation)!;
            return Answer(issued.Token, conversation.Id, conversation.UserId,
                issued.ExpiresIn, $"{request.Scheme}://{request.Host}{request.PathBase}{DirectLineApi.BasePath}");
        }
        if (options.Azure.Secret.Length > 0) return await FromAzureAsync(options.Azure, http.RequestAborted);
        return Results.Json(new { error = "no Direct Line is configured for Web Chat (DirectLine:Local:Enabled or DirectLine:Azure:Secret)" },
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Azure's <c>tokens/generate</c> with the secret, the user id and the portal origins the token may be used from.</summary>
    private async Task<IResult> FromAzureAsync(AzureDirectLineOptions azure, CancellationToken ct)
    {
        var userId = DirectLineConversations.NewUserId();
        using var request = new HttpRequestMessage(HttpMethod.Post, azure.Domain + "/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId }, trustedOrigins = webChat.Value.AllowedOrigins }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", azure.Secret);
        try
        {
            using var response = await clients.CreateClient(AzureClient).SendAsync(request, ct);
            var generated = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<GeneratedToken>(ct) : null;
            if (generated?.Token is { Length: > 0 } token && generated.ConversationId is { Length: > 0 } conversationId)
                return Answer(token, conversationId, userId, generated.ExpiresIn, azure.Domain);
            logger.LogError("Azure Direct Line refused a token: {Status}", (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.LogError(e, "Azure Direct Line could not be reached for a token");
        }
        return Results.Json(new { error = "the chat service is not available right now" }, statusCode: StatusCodes.Status502BadGateway);
    }

    private static IResult Answer(string token, string conversationId, string userId, int expiresIn, string domain) =>
        Results.Json(new { token, conversationId, userId, expires_in = expiresIn, domain });

    private sealed record GeneratedToken(
        [property: JsonPropertyName("conversationId")] string? ConversationId,
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
