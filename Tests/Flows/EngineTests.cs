using MagLearn.Bot.Flows;
using MagLearn.Bot.Flows.Engine;
using MagLearn.Bot.Wording;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Search;
using MagLearn.Tests.Flows.Support;
using Moq;

namespace MagLearn.Tests.Flows;

/// <summary>
/// The engine on its own: plain stack in, plain replies out, no adapter. Small flows written here exercise what
/// the repository's flows do not (a jump that returns, a branch's default), and a mocked router (a seam we own)
/// decides what a stray message is.
/// </summary>
public class EngineTests : IDisposable
{
    private readonly DialogFolder folder = new();
    private readonly Mock<IQuestionRouter> router = new();

    public EngineTests() => router.Setup(r => r.Ask(It.IsAny<string>())).Returns(new AskResult(AskRoute.Fallback, null, 0, []));

    public void Dispose() => folder.Dispose();

    private FlowEngine EngineOver(params (string File, string Yaml)[] flows)
    {
        foreach (var (file, yaml) in flows) folder.Write(file, yaml);
        return new FlowEngine(folder.Load(), router.Object, new FlowOptions().MaxRetries);
    }

    private static FlowEngine RealEngine(IQuestionRouter router) => new(FlowPaths.Catalog, router, new FlowOptions().MaxRetries);

    private static string Said(FlowResult result) => string.Join(" | ", result.Replies.Select(r => r switch
    {
        TextReply t => t.Markdown,
        PromptReply p => p.Text,
        ResolutionReply e => e.Markdown,
        PassageReply s => $"passage {s.Page}#{s.Section}",
        AnswerReply a => $"answer {a.Result.Answers[0].Page}#{a.Result.Answers[0].Section}",
        HandoffReply => "handoff",
        _ => r.ToString(),
    }));

    private const string Caller = """
        id: caller
        title: Caller
        description: Jumps into another flow and carries on afterwards.
        triggers: [call]
        steps:
          - id: start
            say: Before the call.
            next: call
          - id: call
            flow: callee
            next: after
          - id: after
            end: Back in the caller.
            cite: {page: login-assistance, section: forgot-password}
        """;

    private const string Callee = """
        id: callee
        title: Callee
        description: Asks one question.
        triggers: [callee]
        steps:
          - id: question
            ask: Ready?
            ifYes: done
            ifNo: done
          - id: done
            end: Callee finished.
            cite: {page: login-assistance, section: forgot-user-id}
        """;

    [Fact]
    public void A_flow_that_jumps_into_another_with_a_next_step_carries_on_when_that_one_is_solved()
    {
        var engine = EngineOver(("caller.yaml", Caller), ("callee.yaml", Callee));
        var stack = new FlowStack();

        Assert.Equal("Before the call. | Ready?", Said(engine.Begin(stack, "caller", null)));
        Assert.Equal(["caller", "callee"], stack.Frames.Select(f => f.FlowId));
        Assert.Equal("Callee finished. | Did that solve it?", Said(engine.Continue(stack, new FlowMessage("yes"))));
        Assert.Equal($"{Replies.Closing} | Back in the caller. | Did that solve it?", Said(engine.Continue(stack, new FlowMessage("yes"))));
        Assert.Equal(["caller"], stack.Frames.Select(f => f.FlowId));
        Assert.Equal(Replies.Closing, Said(engine.Continue(stack, new FlowMessage("yes"))));
        Assert.False(stack.IsActive());
    }

    [Fact]
    public void A_branch_takes_its_default_when_nothing_was_saved_under_its_name()
    {
        var engine = EngineOver(("branchy.yaml", """
            id: branchy
            title: Branchy
            description: Branches on a value that may not be there.
            triggers: [branch]
            steps:
              - id: decide
                branch: colour
                cases: {red: red-end}
                otherwise: plain-end
              - id: red-end
                end: Red.
                cite: {page: login-assistance, section: forgot-password}
              - id: plain-end
                end: Plain.
                cite: {page: login-assistance, section: forgot-password}
            """));

        Assert.StartsWith("Plain.", Said(engine.Begin(new FlowStack(), "branchy", null)));
    }

    [Theory]
    [InlineData("I forgot my password", "Do you sign in with your company login")]
    [InlineData("my token says locked", "What exactly is locked?")]
    [InlineData("I can't log in", "What is happening when you try to log in?")]
    [InlineData("2", "What is happening when you try to log in?")]
    public void The_words_that_start_a_flow_answer_its_first_question_only_when_they_clearly_do(string words, string firstQuestion)
    {
        var result = RealEngine(router.Object).Begin(new FlowStack(), "login-assistance", words);
        Assert.StartsWith(firstQuestion, Said(result));
    }

    [Fact]
    public void A_saved_conversation_whose_step_no_longer_exists_is_dropped_and_the_message_routed_afresh()
    {
        var stack = new FlowStack { Frames = [new FlowFrame { FlowId = "login-assistance", StepId = "a-step-since-removed" }] };

        var result = RealEngine(router.Object).Continue(stack, new FlowMessage("yes"));

        Assert.False(result.Handled);
        Assert.False(stack.IsActive());
    }

    [Fact]
    public void A_message_the_router_sends_to_another_flow_offers_a_switch_and_yes_starts_it_with_those_words()
    {
        router.Setup(r => r.Ask("we never received our registration invitation"))
            .Returns(new AskResult(AskRoute.Dialog, "organization-registration", 0.9, []));
        var engine = RealEngine(router.Object);
        var stack = new FlowStack();
        engine.Begin(stack, "login-assistance", null);

        Assert.Equal("That sounds like a different topic. Switch to **Register your organization**? (We'd stop Login help.)",
            Said(engine.Continue(stack, new FlowMessage("we never received our registration invitation"))));
        var switched = engine.Continue(stack, new FlowMessage("yes"));

        Assert.Equal("OK, switching to **Register your organization**. | Do you need a partner's application, or only Exostar's Certification Assistant or FIS?", Said(switched));
        Assert.Equal(["organization-registration"], stack.Frames.Select(f => f.FlowId));
    }

    [Fact]
    public void Only_a_confident_single_answer_interrupts_a_flow_a_did_you_mean_does_not()
    {
        var answer = new AskAnswer("billing-support", "payment-methods", "Billing", "Payment methods", "/learn/billing-support#payment-methods", Snippet.None, 0.9);
        router.Setup(r => r.Ask("which cards do you take for payment?")).Returns(new AskResult(AskRoute.Answer, null, 0.9, [answer]));
        router.Setup(r => r.Ask("something about payments maybe?")).Returns(new AskResult(AskRoute.Answer, null, 0.5, [answer, answer], AnswerShape.Choices));
        var engine = RealEngine(router.Object);
        var stack = new FlowStack();
        engine.Begin(stack, "login-assistance", null);

        Assert.Equal("answer billing-support#payment-methods | Back to where we were: What is happening when you try to log in?",
            Said(engine.Continue(stack, new FlowMessage("which cards do you take for payment?"))));
        Assert.StartsWith("Sorry, I didn't catch which one you meant.", Said(engine.Continue(stack, new FlowMessage("something about payments maybe?"))));
    }

    [Fact]
    public void A_stray_word_is_a_wrong_answer_and_never_goes_to_the_router()
    {
        var stack = new FlowStack();
        var engine = RealEngine(router.Object);
        engine.Begin(stack, "login-assistance", null);

        engine.Continue(stack, new FlowMessage("jones"));

        router.Verify(r => r.Ask(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public void A_secret_is_never_sent_to_the_router()
    {
        var stack = new FlowStack();
        var engine = RealEngine(router.Object);
        engine.Begin(stack, "login-assistance", null);

        engine.Continue(stack, new FlowMessage("I think my password is Summer2024! but it is refused"));

        router.Verify(r => r.Ask(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public void Starting_over_forgets_the_answers_given_so_far()
    {
        var stack = new FlowStack();
        var engine = RealEngine(router.Object);
        engine.Begin(stack, "login-assistance", null);
        engine.Continue(stack, new FlowMessage("2"));
        Assert.Single(stack.Frames[0].Answers);

        engine.Continue(stack, new FlowMessage("start over"));

        Assert.Empty(stack.Frames[0].Answers);
        Assert.Equal("what-is-happening", stack.Frames[0].StepId);
    }
}
