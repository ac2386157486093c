using MagLearn.Bot.Turns;
using MagLearn.Tests.Flows.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Turns;

/// <summary>A message read once at the edge: the person's words, and what a pressed button stood for.</summary>
public class IncomingMessageTests
{
    private static IncomingMessage Read(Activity activity) => IncomingMessage.Read(activity, FlowPaths.Menu);

    private static Activity Message(string? text = null, object? value = null) =>
        new(ActivityTypes.Message) { Text = text, Value = value, ChannelId = "webchat" };

    [Fact]
    public void A_message_that_names_no_recipient_is_read_as_typed_without_surrounding_space()
    {
        var message = Read(Message(" how do I pay an invoice? "));

        Assert.Equal(new IncomingMessage("webchat", "how do I pay an invoice?"), message);
    }

    [Fact]
    public void The_mention_of_the_bot_in_a_team_channel_is_removed()
    {
        var bot = new ChannelAccount("28:bot-id", "MagLearn Bot");
        var activity = Message("<at>MagLearn Bot</at> how do I pay an invoice?");
        activity.Recipient = bot;
        activity.Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = bot, text = "<at>MagLearn Bot</at>" }) }];

        Assert.Equal("how do I pay an invoice?", Read(activity).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_message_without_words_has_no_text(string? text)
    {
        Assert.Null(Read(Message(text)).Text);
    }

    [Fact]
    public void A_did_you_mean_button_stands_for_its_passage_whether_its_value_is_an_object_or_a_string()
    {
        var asObject = Read(Message("Paying an invoice", JObject.FromObject(new { page = "billing-support", section = "pay-invoice" })));
        var asString = Read(Message("Paying an invoice", """{"page": "billing-support", "section": "pay-invoice"}"""));

        Assert.Equal(new PassageRef("billing-support", "pay-invoice"), asObject.Passage);
        Assert.Equal(asObject, asString);
    }

    [Fact]
    public void A_did_you_mean_button_for_a_flow_names_the_flow()
    {
        Assert.Equal("change-request", Read(Message("Change a detail", JObject.FromObject(new { flow = "change-request" }))).ChosenFlow);
    }

    [Fact]
    public void A_help_area_is_known_by_a_teams_card_submit_with_no_text_and_by_its_title_typed()
    {
        var submitted = Read(Message(null, JObject.FromObject(new { helpArea = "Login help" })));
        var typed = Read(Message("login HELP"));

        Assert.Equal("login-assistance", submitted.HelpArea?.Flow);
        Assert.Null(submitted.Text);
        Assert.Equal(submitted.HelpArea, typed.HelpArea);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("just words")]
    [InlineData(42)]
    public void A_value_that_is_no_button_payload_stands_for_nothing(object value)
    {
        var message = Read(Message("hello", value));

        Assert.Equal(new IncomingMessage("webchat", "hello"), message);
    }

    [Fact]
    public void An_activity_that_is_no_message_reads_as_an_empty_one()
    {
        var read = Read(new Activity(ActivityTypes.Event) { ChannelId = "webchat", Name = "webchat/join" });

        Assert.Equal(new IncomingMessage("webchat", null), read);
    }
}
