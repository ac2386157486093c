using MagLearn.Bot.Menu;
using MagLearn.Bot.Wording;
using MagLearn.Tests.Flows.Support;

namespace MagLearn.Tests.Flows;

/// <summary>The welcome buttons open their flows; the one without a flow is still answered from the Learn index.</summary>
[Collection(FlowsCollection.Name)]
public class WelcomeButtonTests(FlowsHost host)
{
    public static TheoryData<string, string> FlowButtons()
    {
        var buttons = new TheoryData<string, string>();
        foreach (var area in FlowPaths.Menu.Areas.Where(a => a.Flow is not null)) buttons.Add(area.Title, area.Flow!);
        return buttons;
    }

    [Theory]
    [MemberData(nameof(FlowButtons))]
    public async Task A_help_area_button_opens_its_flow_at_its_first_step(string button, string flowId)
    {
        var opened = await host.Chat().Presses(button);

        ReplyExpectations.AssertRan(opened, FlowPaths.All.First(p => p.Flow == flowId).Turns[0].BotRuns);
        Assert.Equal(FlowPaths.Catalog.Find(flowId)!.Steps.OfType<Bot.Flows.Definition.AskStep>().First().Text, opened.LastText);
    }

    [Fact]
    public async Task Billing_and_invoices_has_no_flow_and_is_answered_from_the_learn_pages()
    {
        var chat = host.Chat();

        var answered = await chat.Presses("Billing and invoices");

        Assert.Contains("/learn/billing-support#", answered.LastText);
        // No flow was opened: the next message is routed afresh, not read as an answer.
        Assert.Equal(Replies.Greeting, (await chat.Says("hello")).LastText);
    }
}
