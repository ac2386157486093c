using MagLearn.Bot.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Conversation;

/// <summary>The words the bot reads from a message: the user's, without the @mention Teams adds.</summary>
public class MessageTextTests
{
    [Fact]
    public void A_message_that_names_no_recipient_is_read_as_typed()
    {
        var message = new Activity(ActivityTypes.Message) { Text = " how do I pay an invoice? " };

        Assert.Equal("how do I pay an invoice?", MagLearnBot.MessageText(message));
    }

    [Fact]
    public void The_mention_of_the_bot_in_a_team_channel_is_removed()
    {
        var bot = new ChannelAccount("28:bot-id", "MagLearn Bot");
        var message = new Activity(ActivityTypes.Message)
        {
            Text = "<at>MagLearn Bot</at> how do I pay an invoice?",
            Recipient = bot,
            Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = bot, text = "<at>MagLearn Bot</at>" }) }],
        };

        Assert.Equal("how do I pay an invoice?", MagLearnBot.MessageText(message));
    }
}
