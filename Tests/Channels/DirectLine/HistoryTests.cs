using System.Text;
using MagLearn.Bot.Channels.DirectLine;
using Microsoft.Bot.Schema;

namespace MagLearn.Tests.Channels.DirectLine;

/// <summary>A conversation that never ends keeps its latest activities only, and its watermark and ids run on.</summary>
public class HistoryTests
{
    private static DirectLineConversation Talked(int activities)
    {
        var conversation = new DirectLineConversation("c1", "dl_user");
        for (var i = 1; i <= activities; i++) conversation.Append(new Activity(ActivityTypes.Message) { Text = $"message {i}" });
        return conversation;
    }

    private static string Json(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    [Fact]
    public void A_long_conversation_keeps_its_latest_activities_with_the_watermark_counting_all_of_them()
    {
        var conversation = Talked(3 * DirectLineConversation.KeptActivities);

        var (kept, watermark) = conversation.After(0);

        Assert.Equal(3 * DirectLineConversation.KeptActivities, watermark);
        Assert.InRange(kept.Count, DirectLineConversation.KeptActivities, 2 * DirectLineConversation.KeptActivities - 1);
        Assert.Contains($"message {watermark}\"", Json(kept[^1]));
        Assert.Contains($"|{watermark:D7}", Json(kept[^1]));
    }

    [Fact]
    public void Reading_after_a_recent_watermark_returns_exactly_what_came_after_it()
    {
        var conversation = Talked(3 * DirectLineConversation.KeptActivities);

        var (after, watermark) = conversation.After(watermark: 3 * DirectLineConversation.KeptActivities - 5);

        Assert.Equal(5, after.Count);
        Assert.Equal(3 * DirectLineConversation.KeptActivities, watermark);
        Assert.Contains($"message {watermark - 4}\"", Json(after[0]));
    }

    [Fact]
    public void An_activity_no_longer_kept_cannot_be_replaced_and_the_latest_one_can()
    {
        var conversation = Talked(3 * DirectLineConversation.KeptActivities);
        var latest = $"c1|{3 * DirectLineConversation.KeptActivities:D7}";

        Assert.False(conversation.Replace(new Activity(ActivityTypes.Message) { Id = "c1|0000001", Text = "changed" }));
        Assert.True(conversation.Replace(new Activity(ActivityTypes.Message) { Id = latest, Text = "changed" }));
        Assert.Contains("changed", Json(conversation.After(3 * DirectLineConversation.KeptActivities - 1).Activities.Single()));
    }
}

/// <summary>A conversation sent large activities keeps no more than its bytes' worth, but always the latest.</summary>
public class HistoryBytesTests
{
    private const int Cap = 64 * 1024;

    private static Activity Large(int i) => new(ActivityTypes.Message) { Text = $"large {i} " + new string('x', 10 * 1024) };

    [Fact]
    public void Large_activities_are_kept_up_to_the_byte_cap_and_the_watermark_counts_them_all()
    {
        var conversation = new DirectLineConversation("c1", "dl_user", maxKeptBytes: Cap);
        for (var i = 1; i <= 50; i++) conversation.Append(Large(i));

        var (kept, watermark) = conversation.After(0);

        Assert.Equal(50, watermark);
        Assert.InRange(conversation.KeptBytes, 1, Cap);
        Assert.Equal(conversation.KeptBytes, kept.Sum(a => (long)a.Length));
        Assert.InRange(kept.Count, 2, 6);
        Assert.Contains("large 50 ", Encoding.UTF8.GetString(kept[^1]));
    }

    [Fact]
    public void One_activity_larger_than_the_cap_is_still_kept_until_the_next()
    {
        var conversation = new DirectLineConversation("c1", "dl_user", maxKeptBytes: Cap);
        conversation.Append(new Activity(ActivityTypes.Message) { Text = new string('y', 2 * Cap) });

        var (kept, _) = conversation.After(0);

        Assert.Single(kept);
    }
}
