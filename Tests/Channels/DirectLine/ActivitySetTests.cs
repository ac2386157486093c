using System.Text.Json;
using MagLearn.Bot.Channels.DirectLine;
using Microsoft.Bot.Schema;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>The activity set clients read is put together from the kept UTF-8 JSON of each activity.</summary>
public class ActivitySetTests
{
    [Fact]
    public void The_set_holds_the_activities_in_order_with_their_text_intact_and_the_watermark()
    {
        var conversation = new DirectLineConversation("c1", "dl_user");
        string[] texts = ["plain", "Grüße, naïve café – “quoted” 🔐", "a \"quote\" and a \\ backslash"];
        foreach (var text in texts) conversation.Append(new Activity(ActivityTypes.Message) { Text = text });

        var (activities, watermark) = conversation.After(0);
        using var set = JsonDocument.Parse(DirectLineApi.ActivitySet(activities, watermark));

        Assert.Equal(texts, set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(["c1|0000001", "c1|0000002", "c1|0000003"], set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("3", set.RootElement.GetProperty("watermark").GetString());
    }

    [Fact]
    public void Nothing_new_is_an_empty_set_at_the_same_watermark()
    {
        var conversation = new DirectLineConversation("c1", "dl_user");
        conversation.Append(new Activity(ActivityTypes.Message) { Text = "one" });

        var (activities, watermark) = conversation.After(1);
        using var set = JsonDocument.Parse(DirectLineApi.ActivitySet(activities, watermark));

        Assert.Empty(set.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("1", set.RootElement.GetProperty("watermark").GetString());
    }
}
