using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Menu;
using MagLearn.Tests.Flows.Support;

namespace MagLearn.Tests.Menu;

/// <summary>The help menu is content: read from its file, checked against the flows, problems named by line.</summary>
public class HelpMenuReaderTests
{
    private static HelpMenu Read(string yaml) => HelpMenuReader.Read("help-areas.yaml", yaml, FlowPaths.Catalog);

    private static FlowProblem Problem(string yaml) => Assert.Single(Assert.Throws<FlowLoadException>(() => Read(yaml)).Problems);

    [Fact]
    public void The_shipped_menu_offers_every_flow_but_none_twice_and_billing_without_one()
    {
        var menu = FlowPaths.Menu;

        Assert.Equal(FlowPaths.Catalog.Flows.Select(f => f.Id).Order(), menu.Areas.Select(a => a.Flow).OfType<string>().Order());
        Assert.Contains(menu.Areas, a => a.Flow is null && a.Question.Contains("invoice", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_area_reads_with_its_title_flow_and_question()
    {
        var menu = Read("areas:\n  - title: Login help\n    flow: login-assistance\n    question: I can't log in\n");

        Assert.Equal([new HelpArea("Login help", "login-assistance", "I can't log in")], menu.Areas);
        Assert.Equal("Login help", menu.Choices().Single().Title);
    }

    [Fact]
    public void An_unknown_flow_is_refused_with_its_line()
    {
        var problem = Problem("areas:\n  - title: A\n    question: q\n  - title: B\n    flow: no-such-flow\n    question: q\n");

        Assert.Equal((4, "unknown flow 'no-such-flow'"), (problem.Line, problem.Message));
    }

    [Fact]
    public void A_title_used_twice_is_refused()
    {
        Assert.Contains("used twice", Problem("areas:\n  - title: A\n    question: q\n  - title: a\n    question: r\n").Message);
    }

    [Theory]
    [InlineData("areas:\n  - title: A\n", "no question")]
    [InlineData("areas:\n  - question: q\n", "no title")]
    [InlineData("areas:\n  - title: A\n    question: q\n    colour: red\n", "unknown key 'colour'")]
    [InlineData("areas: []\n", "a list of help areas")]
    [InlineData("areas: [\n", "not valid YAML")]
    public void A_broken_area_is_refused_with_the_reason(string yaml, string reason)
    {
        Assert.Contains(reason, Problem(yaml).Message);
    }
}
