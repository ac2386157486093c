using System.Text;
using MagLearn.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Channels.Teams;

/// <summary>
/// Microsoft Teams as the bot meets it on <c>/api/messages</c>: activities shaped like Teams' own (channel id
/// <c>msteams</c>, <c>29:</c> users, the <c>28:</c> bot, conversation types, @mention entities, card submits), with
/// a <see cref="StubChannel"/> playing the Connector service the replies go to.
/// </summary>
public sealed class TeamsChannel(StubChannel connector, HttpClient bot, string conversationType, string tenantId = TeamsChannel.Tenant)
{
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07";
    public const string BotName = "MagLearn Bot";
    public const string Tenant = "72f988bf-0000-4000-8000-000000000000";
    private int turns;

    public string ConversationId { get; } = conversationType switch
    {
        "channel" => $"19:{Guid.NewGuid():N}@thread.tacv2;messageid={Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}",
        "groupChat" => $"19:{Guid.NewGuid():N}@thread.v2",
        _ => $"a:{Guid.NewGuid():N}",
    };

    /// <summary>The hero card a reply carries (as it arrived over the wire).</summary>
    public static HeroCard Card(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments);
        Assert.Equal(HeroCard.ContentType, attachment.ContentType);
        return ((JObject)attachment.Content).ToObject<HeroCard>()!;
    }

    /// <summary>A message; in a team or group chat it @mentions the bot, as Teams only delivers those.</summary>
    public Task<IReadOnlyList<Activity>> SaysAsync(string text)
    {
        var mention = $"<at>{BotName}</at>";
        var activity = Base(ActivityTypes.Message);
        activity.Text = conversationType == "personal" ? text : $"{mention} {text}";
        activity.TextFormat = "plain";
        if (conversationType != "personal")
            activity.Entities = [Mention(mention), ClientInfo()];
        else
            activity.Entities = [ClientInfo()];
        return SendAsync(activity);
    }

    /// <summary>A card button: <c>messageBack</c> sends text and value; an Adaptive Card's <c>Action.Submit</c> only the value.</summary>
    public Task<IReadOnlyList<Activity>> SubmitsAsync(object value, string? text = null)
    {
        var activity = Base(ActivityTypes.Message);
        activity.Text = text;
        activity.Value = JObject.FromObject(value);
        return SendAsync(activity);
    }

    /// <summary>The app installed: Teams says the bot joined the conversation.</summary>
    public Task<IReadOnlyList<Activity>> InstallsAsync() => MembersAddedAsync(new ChannelAccount(BotId, BotName));

    public Task<IReadOnlyList<Activity>> MembersAddedAsync(params ChannelAccount[] members)
    {
        var activity = Base(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = members;
        return SendAsync(activity);
    }

    private Activity Base(string type) => new()
    {
        Type = type,
        ChannelId = "msteams",
        From = new ChannelAccount("29:1a2b3c-user", "Ada Lovelace") { AadObjectId = "6f1c7c8e-0000-4000-8000-000000000001" },
        Recipient = new ChannelAccount(BotId, BotName),
        Conversation = new ConversationAccount(isGroup: conversationType != "personal", conversationType: conversationType, id: ConversationId, tenantId: tenantId),
        ChannelData = conversationType == "channel"
            ? JObject.FromObject(new { tenant = new { id = tenantId }, team = new { id = "19:team@thread.tacv2" }, channel = new { id = "19:channel@thread.tacv2" } })
            : JObject.FromObject(new { tenant = new { id = tenantId } }),
        Locale = "en-US",
    };

    private static Entity Mention(string text)
    {
        var entity = new Entity("mention");
        entity.SetAs(new Mention(new ChannelAccount(BotId, BotName), text, "mention"));
        return entity;
    }

    private static Entity ClientInfo() =>
        new Entity("clientInfo") { Properties = JObject.FromObject(new { locale = "en-US", country = "US", platform = "Web", timezone = "Europe/Berlin" }) };

    private async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.Id = $"{Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000)}{Interlocked.Increment(ref turns)}";
        activity.ServiceUrl = connector.ServiceUrl;
        activity.Timestamp = DateTimeOffset.UtcNow;
        using var content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json");
        using var response = await bot.PostAsync("api/messages", content);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the bot answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return connector.Received.Where(a => a.Conversation?.Id == ConversationId && a.ReplyToId == activity.Id && a.Type == ActivityTypes.Message).ToList();
    }
}
