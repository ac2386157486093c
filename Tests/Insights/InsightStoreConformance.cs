using MagLearn.Bot.Insights;

namespace MagLearn.Tests.Insights;

/// <summary>What every insight store must do, run against each kind (memory, SQLite, a real Redis).</summary>
public abstract class InsightStoreConformance
{
    protected static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    protected abstract IInsightStore Store { get; }

    protected static InsightEvent Turn(DateTimeOffset at, string question, string conversation = "c1") => new()
    {
        Time = at,
        Kind = InsightKind.Turn,
        Conversation = conversation,
        Channel = "webchat",
        Route = "answer",
        Question = question,
        Confidence = 0.87,
        Page = "billing-support",
        Section = "paying-an-invoice",
        IndexVersion = "v1",
        LatencyMs = 4.5,
    };

    [Fact]
    public async Task An_event_reads_back_with_every_field_it_was_stored_with()
    {
        var stored = Turn(Monday, "how do I pay an invoice");
        await Store.AddAsync([stored]);

        var read = Assert.Single(await Store.ReadAsync(Monday.AddHours(-1), Monday.AddHours(1)));
        Assert.Equal(stored, read);
    }

    [Fact]
    public async Task A_period_holds_the_events_from_its_start_up_to_but_not_at_its_end_oldest_first()
    {
        await Store.AddAsync([Turn(Monday.AddDays(2), "c"), Turn(Monday, "a"), Turn(Monday.AddDays(1), "b"), Turn(Monday.AddDays(3), "d")]);

        var read = await Store.ReadAsync(Monday, Monday.AddDays(3));
        Assert.Equal(["a", "b", "c"], read.Select(e => e.Question));
    }

    [Fact]
    public async Task Two_identical_events_in_the_same_instant_are_both_kept()
    {
        var twice = Turn(Monday, "same words");
        await Store.AddAsync([twice, twice]);

        Assert.Equal(2, (await Store.ReadAsync(Monday, Monday.AddMinutes(1))).Count);
    }

    [Fact]
    public async Task Writers_at_once_lose_no_event()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.AddAsync([Turn(Monday.AddSeconds(i), $"q{i}"), Turn(Monday.AddSeconds(i), $"r{i}")])));

        Assert.Equal(40, (await Store.ReadAsync(Monday, Monday.AddDays(1))).Count);
    }
}
