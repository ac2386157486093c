using MagLearn.Bot.Flows.Definition;
using MagLearn.Tests.Flows.Support;

namespace MagLearn.Tests.Flows.Loading;

/// <summary>Each kind of step a dialog file names reads into a type of its own, holding exactly what that kind needs.</summary>
public class StepKindsTests
{
    private const string EveryKind = """
        id: every-kind
        title: Every kind
        description: One step of each kind.
        triggers:
          - something is wrong
        steps:
          - id: pick
            ask: Which one?
            help: Pick the closest.
            saveAs: picked
            choices:
              - title: This one
                goto: confirm
                value: this
              - title: That one
                goto: name
          - id: confirm
            ask: Is it this?
            ifYes: say
            ifNo: name
          - id: name
            ask: What is your user ID?
            expect: user-id
            optional: true
            saveAs: user
            next: say
          - id: say
            say: Noted.
            next: show
          - id: show
            show: {page: login-assistance, section: forgot-password}
            next: set
          - id: set
            set: {route: a}
            next: branch
          - id: branch
            branch: route
            cases:
              a: done
            otherwise: person
          - id: done
            end: Do this.
            cite: {page: login-assistance, section: forgot-password}
          - id: person
            handoff: A person will take it from here.
            cite: {page: login-assistance, section: still-stuck}
        """;

    private static FlowDefinition Read()
    {
        var problems = new List<FlowProblem>();
        var flow = FlowReader.Read("every-kind.yaml", EveryKind, problems);
        Assert.Empty(problems);
        return flow!;
    }

    [Fact]
    public void A_choice_question_holds_its_choices_and_where_each_leads()
    {
        var step = Assert.IsType<ChoiceStep>(Read().Step("pick"));

        Assert.Equal(("Which one?", "Pick the closest.", "picked"), (step.Text, step.Help, step.SaveAs));
        Assert.Equal([("This one", "confirm", "this"), ("That one", "name", null)], step.Choices.Select(c => (c.Title, c.Goto, c.Value)));
        Assert.Equal(AnswerKind.Choice, step.Answer);
    }

    [Fact]
    public void A_yes_no_question_holds_both_ways()
    {
        var step = Assert.IsType<YesNoStep>(Read().Step("confirm"));

        Assert.Equal(("say", "name"), (step.Yes.Target, step.No.Target));
        Assert.Equal(["say", "name"], step.Links().Select(l => l.Target));
    }

    [Fact]
    public void A_typed_question_holds_what_it_expects_whether_it_may_be_skipped_and_what_comes_next()
    {
        var step = Assert.IsType<TypedAnswerStep>(Read().Step("name"));

        Assert.Equal(("user-id", true, "say", "user"), (step.Expect, step.Optional, step.Next.Target, step.SaveAs));
    }

    [Fact]
    public void The_steps_that_move_on_by_themselves_are_say_show_set_and_branch()
    {
        var flow = Read();

        Assert.Equal(["say", "show", "set", "branch"], flow.Steps.Where(s => s.MovesOnByItself).Select(s => s.Id));
        Assert.Equal("login-assistance#forgot-password", Assert.IsType<ShowStep>(flow.Step("show")).Passage.ToString());
        Assert.Equal("a", Assert.IsType<SetStep>(flow.Step("set")).Values["route"]);
        var branch = Assert.IsType<BranchStep>(flow.Step("branch"));
        Assert.Equal(("route", "done", "person"), (branch.On, branch.Cases["a"].Target, branch.Otherwise.Target));
    }

    [Fact]
    public void A_resolution_and_a_hand_off_end_the_flow_and_cite_their_section()
    {
        var flow = Read();

        Assert.Equal(["done", "person"], flow.Steps.Where(s => s.IsTerminal).Select(s => s.Id));
        Assert.Equal("login-assistance#forgot-password", Assert.IsType<EndStep>(flow.Step("done")).Cite.ToString());
        Assert.Equal("login-assistance#still-stuck", Assert.Single(Assert.IsType<HandoffStep>(flow.Step("person")).Cites()).ToString());
    }

    [Fact]
    public void A_jump_into_another_flow_ends_this_one_unless_it_says_where_to_come_back()
    {
        var oneWay = new JumpStep("go", 1, "support-handoff", 1, At: null, Next: null);
        var roundTrip = oneWay with { Next = new StepLink("after", 2) };

        Assert.True(oneWay.IsTerminal);
        Assert.False(roundTrip.IsTerminal);
        Assert.Equal(["after"], roundTrip.Links().Select(l => l.Target));
    }

    [Fact]
    public void The_shipped_flows_read_into_the_same_types()
    {
        var kinds = FlowPaths.Catalog.Flows.SelectMany(f => f.Steps).Select(s => s.GetType().Name).ToHashSet();

        Assert.Contains(nameof(ChoiceStep), kinds);
        Assert.Contains(nameof(EndStep), kinds);
        Assert.Contains(nameof(HandoffStep), kinds);
    }
}
