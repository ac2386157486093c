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
            switch (step)
            {
                case SayStep say:
                    Assert.Equal(say.Text, Message(replies, where).Text);
                    break;
                case ShowStep show:
                    Assert.Contains($"/learn/{show.Passage.Page}#{show.Passage.Section})", Message(replies, where).Text);
                    break;
                case AskStep ask:
                    var prompt = Message(replies, where);
                    Assert.Equal(ask.Text, prompt.Text);
                    Assert.Equal(ButtonsOf(ask), Buttons(prompt));
                    break;
                case EndStep end:
                    var resolution = Message(replies, where).Text;
                    Assert.StartsWith(end.Text, resolution);
                    Assert.Contains($"/learn/{end.Cite.Page}#{end.Cite.Section})", resolution);
                    var confirm = Message(replies, where + " (did that solve it?)");
                    Assert.Equal("Did that solve it?", confirm.Text);
                    Assert.Equal(["Yes", "No"], Buttons(confirm));
                    break;
                case HandoffStep handoff:
                    var handedOver = Message(replies, where).Text;
                    Assert.StartsWith(handoff.Text, handedOver);
                    Assert.Contains("**Case summary**", handedOver);
                    Assert.Contains($"/learn/{handoff.Cite.Page}#{handoff.Cite.Section})", handedOver);
                    Assert.True(replies.TryDequeue(out var sent), $"{where}: no hand-off event");
                    Assert.Equal((ActivityTypes.Event, "handoff"), (sent.Type, ((IEventActivity)sent).Name));
                    break;
                case SetStep or BranchStep:
                    break;
                default:
                    throw new InvalidOperationException($"{where}: the walk should not stop at a {step.GetType().Name}");
            }
        }
        Assert.True(replies.Count == 0, $"unexpected extra replies: {string.Join(" | ", replies.OfType<IMessageActivity>().Select(m => m.Text))}");
    }

    public static IReadOnlyList<string> Buttons(IMessageActivity message) =>
        message.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];

    private static IReadOnlyList<string> ButtonsOf(AskStep step) => step switch
    {
        ChoiceStep choice => choice.Choices.Select(c => c.Title).ToList(),
        YesNoStep => ["Yes", "No"],
        _ => [],
    };

    private static IMessageActivity Message(Queue<IActivity> replies, string where)
    {
        Assert.True(replies.TryDequeue(out var reply), $"{where}: the bot said nothing more");
        Assert.Equal(ActivityTypes.Message, reply.Type);
        return (IMessageActivity)reply;
    }
}
