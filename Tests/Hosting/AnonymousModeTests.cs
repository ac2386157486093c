using System.Net;
using System.Text;
using MagLearn.Bot.Transcripts;
using MagLearn.Tests.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace MagLearn.Tests.Hosting;

/// <summary>
/// An anonymous bot (no <c>MicrosoftAppId</c>, the developer's default) checks no token, so it answers only callers
/// on its own machine and replies only to addresses on it: a stranger can neither make it post to an address of
/// their choosing nor write state and transcripts for a conversation.
/// </summary>
[Collection(HostCollection.Name)]
public class AnonymousModeTests(MagLearnHost host)
{
    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.1.2.3")]
    [InlineData("2001:db8::5")]
    public async Task A_caller_from_another_machine_is_refused_and_no_turn_runs(string caller)
    {
        _ = host.CreateClient();
        var activity = Message("http://127.0.0.1:9/");

        var response = await host.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/api/messages";
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(activity)));
            http.Connection.RemoteIpAddress = IPAddress.Parse(caller);
        });

        Assert.Equal(StatusCodes.Status403Forbidden, response.Response.StatusCode);
        Assert.Empty(await Transcript(activity));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://192.0.2.55:8080/")]
    [InlineData("http://internal-billing.corp.example/")]
    [InlineData("https://webchat.botframework.com/")]
    public async Task A_reply_address_off_this_machine_is_refused_before_any_turn(string serviceUrl)
    {
        var activity = Message(serviceUrl);

        var response = await host.CreateClient().PostRaw("/api/messages", JsonConvert.SerializeObject(activity));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("serviceUrl", (await response.Json()).GetProperty("error").GetString());
        Assert.Empty(await Transcript(activity));
    }

    [Fact]
    public async Task A_caller_on_this_machine_replying_to_this_machine_is_answered()
    {
        var activity = Message("http://127.0.0.1:9/");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        var response = await host.CreateClient().PostRaw("/api/messages", JsonConvert.SerializeObject(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(JsonConvert.DeserializeObject<ExpectedReplies>(await response.Content.ReadAsStringAsync())!.Activities);
    }

    private Task<IReadOnlyList<TranscriptEntry>> Transcript(Activity activity) =>
        host.Services.GetRequiredService<ITranscriptArchive>().ReadAsync(activity.Conversation.Id);

    private static Activity Message(string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m-" + Guid.NewGuid().ToString("N")[..8],
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        Text = "how do I pay an invoice?",
        From = new ChannelAccount("user-1", "Pat"),
        Recipient = new ChannelAccount("maglearn-bot", "MagLearn Bot"),
        Conversation = new ConversationAccount(id: "conv-" + Guid.NewGuid().ToString("N")[..8]),
    };
}
