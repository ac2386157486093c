using MagLearn.Tests.Flows.Support;
using MagLearn.Tests.Knowledge.Search;
using Microsoft.Bot.Schema;

namespace MagLearn.Tests.Flows;

/// <summary>The hostile battery typed in the middle of a flow: a calm reply, and the flow is still there after it.</summary>
[Collection(FlowsCollection.Name)]
public class HostileInputInFlowTests(FlowsHost host)
{
    public static TheoryData<string> Inputs => HostileInputs.Names;

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Hostile_input_mid_flow_gets_a_calm_reply_and_the_flow_carries_on(string input)
    {
        var chat = host.Chat();
        await chat.Presses("Login help");

        var reply = await chat.Sends(new Activity { Type = ActivityTypes.Message, Text = HostileInputs.Text(input) });

        Assert.NotEmpty(reply.Texts);
        Assert.All(reply.Texts, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.DoesNotContain("something went wrong", reply.AllText);
        // Some of these answer the question ("reset password" picks the password choice); either way the flow is still on.
        Assert.Equal("OK, I've stopped **Login help**. If you need anything else, just ask.", (await chat.Says("cancel")).LastText);
    }
}
