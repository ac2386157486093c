using MagLearn.Bot.Cases;
using MagLearn.Tests.Storage;
using MagLearn.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Cases;

/// <summary>
/// Two bot instances over one real Redis (state, turn lease and cases), each getting one of two posts that race:
/// two tabs giving the last answer, or a channel retrying a post on the second instance while the first still has
/// it. One case, one hand-off event.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ExactlyOnceOnRedisTests(RedisServer redis) : IAsyncLifetime
{
    private StoredHost first = null!;
    private StoredHost second = null!;
    private StubChannel channel = null!;

    public async Task InitializeAsync()
    {
        var database = redis.NewDatabase();
        first = StoredHost.With(("Storage:Kind", "Redis"), ("Storage:Redis", database));
        second = StoredHost.With(("Storage:Kind", "Redis"), ("Storage:Redis", database));
        channel = await StubChannel.StartAsync();
    }

    [Fact]
    public async Task Two_tabs_on_two_instances_giving_the_last_answer_at_once_make_one_case()
    {
        var chat = channel.Conversation(first.CreateClient());
        await chat.SaysAsync("I want to talk to a person");

        await Task.WhenAll(
            chat.SendAsync(new Activity { Type = ActivityTypes.Message, Text = "no" }),
            chat.SendAsync(new Activity { Type = ActivityTypes.Message, Text = "no" }, to: second.CreateClient()));

        Assert.Single(await CasesAsync());
        Assert.Single(HandoffEvents(chat));
    }

    [Fact]
    public async Task A_post_retried_on_the_other_instance_while_the_first_has_it_makes_one_case()
    {
        var chat = channel.Conversation(first.CreateClient());
        await chat.SaysAsync("I want to talk to a person");
        var last = new Activity { Type = ActivityTypes.Message, Text = "no" };

        await Task.WhenAll(chat.SendAsync(last), Task.Delay(5).ContinueWith(_ => chat.ResendAsync(last, to: second.CreateClient())).Unwrap());

        Assert.Single(await CasesAsync());
        Assert.Single(HandoffEvents(chat));
    }

    private IReadOnlyList<Activity> HandoffEvents(ChannelConversation chat) =>
        channel.Received.Where(a => a.Conversation?.Id == chat.Id && a.Type == ActivityTypes.Event && a.Name == "handoff").ToList();

    private Task<IReadOnlyList<CaseRecord>> CasesAsync() =>
        second.Services.GetRequiredService<ICaseStore>().ReadAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await first.DisposeAsync();
        await second.DisposeAsync();
    }
}
