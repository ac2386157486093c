using MagLearn.Bot.Flows.Definition;

namespace MagLearn.Tests.Api;

/// <summary>Asking for a person goes to the hand-off flow on the ask API exactly as it does in the chat.</summary>
[Collection(HostCollection.Name)]
public class AskApiPersonRequestTests(MagLearnHost host)
{
    private readonly HttpClient client = host.CreateClient();

    [Theory]
    [InlineData("talk to a human")]
    [InlineData("i need help from a person")]
    [InlineData("can I speak to an agent please")]
    public async Task A_request_for_a_person_gets_the_hand_off_flow(string text)
    {
        var body = await (await client.GetAsk(text)).OkJson();

        Assert.Equal("dialog", body.GetProperty("route").GetString());
        Assert.Equal(FlowCatalog.HandoffFlowId, body.GetProperty("dialog").GetString());
    }
}
