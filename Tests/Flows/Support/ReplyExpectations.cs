using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Flows.Engine;
using Microsoft.Bot.Schema;

namespace MagLearn.Tests.Flows.Support;

/// <summary>Checks that a turn's replies are exactly what the steps it ran should say, in order.</summary>
public static class ReplyExpectations
{
    public static void AssertRan(Turn turn, IReadOnlyList<ExpectedStep> steps)
    {
        var replies = new Queue<IActivity>(turn.Replies);
        foreach (var (flow, step) in steps)
        {
            var where = $"{flow}/{step.Id}";
            switch (step.Kind)
            {
                case StepKind.Say:
                    Assert.Equal(step.Text, Message(replies, where).Text);
                    break;
                case StepKind.Show:
                    Assert.Contains($"/learn/{step.Show!.Page}#{step.Show.Section})", Message(replies, where).Text);
                    break;
                case StepKind.Ask:
                    var prompt = Message(replies, where);
                    Assert.Equal(step.Text, prompt.Text);
                    Assert.Equal(ButtonsOf(step), Buttons(prompt));
                    break;
                case StepKind.End:
                    var resolution = Message(replies, where).Text;
                    Assert.StartsWith(step.Text!, resolution);
                    Assert.Contains($"/learn/{step.Cite!.Page}#{step.Cite.Section})", resolution);
                    var confirm = Message(replies, where + " (did that solve it?)");
                    Assert.Equal("Did that solve it?", confirm.Text);
                    Assert.Equal(["Yes", "No"], Buttons(confirm));
                    break;
                case StepKind.Handoff:
                    var handoff = Message(replies, where).Text;
                    Assert.StartsWith(step.Text!, handoff);
                    Assert.Contains("**Case summary**", handoff);
                    Assert.Contains($"/learn/{step.Cite!.Page}#{step.Cite.Section})", handoff);
                    Assert.True(replies.TryDequeue(out var sent), $"{where}: no hand-off event");
                    Assert.Equal((ActivityTypes.Event, "handoff"), (sent.Type, ((IEventActivity)sent).Name));
                    break;
                case StepKind.Set or StepKind.Branch:
                    break;
                default:
                    throw new InvalidOperationException($"{where}: the walk should not stop at a {step.Kind} step");
            }
        }
        Assert.True(replies.Count == 0, $"unexpected extra replies: {string.Join(" | ", replies.OfType<IMessageActivity>().Select(m => m.Text))}");
    }

    public static IReadOnlyList<string> Buttons(IMessageActivity message) =>
        message.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];

    private static IReadOnlyList<string> ButtonsOf(FlowStep step) => step.Answer switch
    {
        AnswerKind.Choice => step.Choices.Select(c => c.Title).ToList(),
        AnswerKind.YesNo => ["Yes", "No"],
        _ => [],
    };

    private static IMessageActivity Message(Queue<IActivity> replies, string where)
    {
        Assert.True(replies.TryDequeue(out var reply), $"{where}: the bot said nothing more");
        Assert.Equal(ActivityTypes.Message, reply.Type);
        return (IMessageActivity)reply;
    }
}
