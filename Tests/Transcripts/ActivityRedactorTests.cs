using MagLearn.Bot.Privacy;
using MagLearn.Bot.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Transcripts;

/// <summary>What of an activity is kept: its prose with secrets masked, its identifiers and links as they were.</summary>
public class ActivityRedactorTests
{
    private static Activity From(string role, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "activity-1234567",
        ChannelId = "webchat",
        ServiceUrl = "https://webchat.botframework.com/",
        Conversation = new ConversationAccount(id: "conversation-98765432"),
        From = new ChannelAccount("user-12345678", "Pat", role),
        Text = text,
    };

    [Fact]
    public void A_password_the_person_typed_is_masked_and_the_rest_of_the_sentence_kept()
    {
        var kept = ActivityRedactor.Redact(From(RoleTypes.User, "I can't log in, my password is Tr0ub4dor&3x"));

        Assert.Equal($"I can't log in, my password is {SecretRedactor.Mask}", (string?)kept["text"]);
    }

    [Fact]
    public void A_display_name_carrying_a_secret_is_masked_and_the_accounts_ids_kept()
    {
        var activity = From(RoleTypes.User, "hello");
        activity.From.Name = "Pat my password is Hunter2!";
        activity.Recipient = new ChannelAccount("maglearn-bot", "MagLearn Bot", RoleTypes.Bot);

        var kept = ActivityRedactor.Redact(activity);

        Assert.Equal($"Pat my password is {SecretRedactor.Mask}", (string?)kept["from"]!["name"]);
        Assert.Equal("user-12345678", (string?)kept["from"]!["id"]);
        Assert.Equal(RoleTypes.User, (string?)kept["from"]!["role"]);
        Assert.Equal("MagLearn Bot", (string?)kept["recipient"]!["name"]);
    }

    [Fact]
    public void A_one_time_code_typed_alone_is_masked()
    {
        var kept = ActivityRedactor.Redact(From(RoleTypes.User, "482913"));

        Assert.Equal(SecretRedactor.Mask, (string?)kept["text"]);
    }

    [Fact]
    public void A_code_inside_a_submitted_value_is_masked()
    {
        var activity = From(RoleTypes.User, "submit");
        activity.Value = new JObject { ["form"] = new JObject { ["otp"] = "my code is 482913" } };

        var kept = ActivityRedactor.Redact(activity);

        Assert.DoesNotContain("482913", kept.ToString());
    }

    [Fact]
    public void A_card_number_in_a_cards_text_is_masked_and_the_cards_type_kept()
    {
        var activity = From(RoleTypes.Bot, "");
        activity.Attachments = [new HeroCard { Text = "You wrote 4111 1111 1111 1111" }.ToAttachment()];

        var kept = ActivityRedactor.Redact(activity);

        Assert.DoesNotContain("4111", kept.ToString());
        Assert.Equal(HeroCard.ContentType, (string?)kept["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public void What_the_bot_echoes_in_a_hand_off_summary_is_masked_too()
    {
        var handoff = (Activity)Activity.CreateEventActivity();
        handoff.Name = "handoff";
        handoff.Conversation = new ConversationAccount(id: "c1");
        handoff.Value = new JObject { ["details"] = new JObject { ["notes"] = "my otp 482913 failed", ["account"] = "smithj_1234" } };

        var kept = ActivityRedactor.Redact(handoff);

        Assert.DoesNotContain("482913", kept.ToString());
        Assert.Equal("smithj_1234", (string?)kept["value"]!["details"]!["account"]);
    }

    [Fact]
    public void A_code_after_an_item_whose_last_identifier_is_a_number_is_still_masked()
    {
        var activity = From(RoleTypes.User, "submit");
        activity.Value = new JArray(new JObject { ["note"] = "first", ["id"] = 5 }, new JObject { ["note"] = "my code is 482913" }, "code 482913");

        var kept = ActivityRedactor.Redact(activity);

        Assert.DoesNotContain("482913", kept.ToString());
        Assert.Equal(5, (int)kept["value"]![0]!["id"]!);
    }

    [Fact]
    public void Identifiers_addresses_and_links_are_kept_as_they_were()
    {
        var activity = From(RoleTypes.Bot, "Read more: [Login Assistance](https://maglearn.example/learn/login-assistance#forgot-password)");

        var kept = ActivityRedactor.Redact(activity);

        Assert.Equal("activity-1234567", (string?)kept["id"]);
        Assert.Equal("conversation-98765432", (string?)kept["conversation"]!["id"]);
        Assert.Equal("user-12345678", (string?)kept["from"]!["id"]);
        Assert.Equal("https://webchat.botframework.com/", (string?)kept["serviceUrl"]);
        Assert.Equal(activity.Text, (string?)kept["text"]);
    }

    [Fact]
    public void The_activity_itself_is_left_untouched()
    {
        var activity = From(RoleTypes.User, "my password is Tr0ub4dor&3x");

        ActivityRedactor.Redact(activity);

        Assert.Equal("my password is Tr0ub4dor&3x", activity.Text);
    }
}

/// <summary>
/// The one-pass redaction against the rule written as a tree walk (what a reader of the rule would write): prose
/// under the said properties masked, identifiers and links under them kept, everything else untouched. Activities
/// carry generated JSON of every shape in their free-form properties.
/// </summary>
public class ActivityRedactionRuleTests
{
    private static readonly string[] Said = ["text", "speak", "summary", "value", "attachments", "suggestedActions", "channelData"];
    private static readonly HashSet<string> NotProse = new(StringComparer.OrdinalIgnoreCase)
    {
        "$type", "type", "contentType", "id", "url", "contentUrl", "thumbnailUrl", "image", "tenant", "textFormat", "locale",
    };

    private static readonly string[] Names = ["id", "type", "note", "url", "text", "items", "code", "tenant", "value", "image", "title"];
    private static readonly string[] Strings = ["482913", "my otp code is 482913", "hello", "https://example.com/a?b=123456", "Tr0ub4dor&3x", "smithj_1234", ""];

    private static JToken Reference(IActivity activity)
    {
        var json = JObject.FromObject(activity, Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore }));
        foreach (var name in Said)
            if (json.Property(name) is { } property) property.Value = Prose(property.Value);
        return json;

        static JToken Prose(JToken token) => token switch
        {
            JValue { Type: JTokenType.String } text => new JValue(SecretRedactor.Redact((string?)text)),
            JObject obj => new JObject(obj.Properties().Select(p => new JProperty(p.Name, NotProse.Contains(p.Name) ? p.Value.DeepClone() : Prose(p.Value)))),
            JArray array => new JArray(array.Select(Prose)),
            _ => token.DeepClone(),
        };
    }

    private static JToken Generated(Random random, int depth) => random.Next(depth > 3 ? 3 : 6) switch
    {
        0 => new JValue(Strings[random.Next(Strings.Length)]),
        1 => new JValue(random.Next(1_000_000)),
        2 => random.Next(2) == 0 ? new JValue(true) : JValue.CreateNull(),
        3 or 4 => new JObject(Enumerable.Range(0, random.Next(4)).Select(_ => Names[random.Next(Names.Length)]).Distinct()
            .Select(name => new JProperty(name, Generated(random, depth + 1)))),
        _ => new JArray(Enumerable.Range(0, random.Next(4)).Select(_ => Generated(random, depth + 1))),
    };

    [Fact]
    public void One_pass_redaction_keeps_and_masks_exactly_what_the_rule_says()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 500; i++)
        {
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = $"a{i}",
                Conversation = new ConversationAccount(id: "c1"),
                From = new ChannelAccount("user-1", "Pat", RoleTypes.User),
                Text = Strings[random.Next(Strings.Length)],
                Value = Generated(random, 0),
                ChannelData = Generated(random, 0),
                Attachments = [new HeroCard { Title = Strings[random.Next(Strings.Length)], Text = "code 482913" }.ToAttachment()],
                SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Yes", value: Strings[random.Next(Strings.Length)])] },
            };

            Assert.True(JToken.DeepEquals(Reference(activity), ActivityRedactor.Redact(activity)), $"activity {i}: {ActivityRedactor.RedactedJson(activity)}");
        }
    }
}
