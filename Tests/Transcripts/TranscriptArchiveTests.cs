using MagLearn.Bot.Transcripts;
using MagLearn.Tests.Storage;
using StackExchange.Redis;

namespace MagLearn.Tests.Transcripts;

/// <summary>What every transcript archive does, on each storage kind.</summary>
public abstract class TranscriptArchiveBehaviour
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2025-03-01T10:00:00Z");

    protected abstract ITranscriptArchive Archive { get; }

    private static TranscriptEntry Entry(string conversation, int second, string text) =>
        new(conversation, "webchat", Start.AddSeconds(second), $$"""{"type":"message","text":"{{text}}"}""");

    [Fact]
    public async Task A_conversation_is_read_back_in_the_order_it_happened_whatever_order_it_was_written_in()
    {
        await Archive.AppendAsync([Entry("c1", 2, "second")]);
        await Archive.AppendAsync([Entry("c1", 1, "first")]);
        await Archive.AppendAsync([Entry("c1", 3, "third")]);

        var read = await Archive.ReadAsync("c1");

        Assert.Equal(["first", "second", "third"], read.Select(e => e.Activity.Split('"')[7]));
    }

    [Fact]
    public async Task Each_conversation_reads_only_its_own_activities()
    {
        await Archive.AppendAsync([Entry("mine", 1, "hello")]);
        await Archive.AppendAsync([Entry("theirs", 1, "other")]);

        var read = await Archive.ReadAsync("mine");

        Assert.Equal("mine", Assert.Single(read).ConversationId);
    }

    [Fact]
    public async Task A_turns_activities_written_together_are_all_kept_in_their_order()
    {
        await Archive.AppendAsync([Entry("c1", 1, "question"), Entry("c1", 2, "answer"), Entry("c2", 1, "elsewhere"), Entry("c1", 3, "follow-up")]);

        Assert.Equal(["question", "answer", "follow-up"], (await Archive.ReadAsync("c1")).Select(e => e.Activity.Split('"')[7]));
        Assert.Equal("elsewhere", Assert.Single(await Archive.ReadAsync("c2")).Activity.Split('"')[7]);
    }

    [Fact]
    public async Task A_conversation_never_seen_has_an_empty_transcript()
    {
        Assert.Empty(await Archive.ReadAsync("never"));
    }

    [Fact]
    public async Task An_entry_comes_back_as_it_went_in()
    {
        var entry = Entry("c1", 1, "hello");

        await Archive.AppendAsync([entry]);

        Assert.Equal(entry, Assert.Single(await Archive.ReadAsync("c1")));
    }
}

public sealed class MemoryTranscriptArchiveBehaviour : TranscriptArchiveBehaviour
{
    protected override ITranscriptArchive Archive { get; } = new MemoryTranscriptArchive();
}

public sealed class SqliteTranscriptArchiveBehaviour : TranscriptArchiveBehaviour, IDisposable
{
    private readonly TempSqliteFile file = new();
    private readonly SqliteTranscriptArchive archive;

    public SqliteTranscriptArchiveBehaviour() => archive = new SqliteTranscriptArchive(file.Path);

    protected override ITranscriptArchive Archive => archive;

    [Fact]
    public async Task Activities_older_than_the_retention_are_swept_and_newer_ones_kept()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-06-01T00:00:00Z"));
        using var kept90Days = new SqliteTranscriptArchive(file.Path, TimeSpan.FromDays(90), clock);
        await kept90Days.AppendAsync([new TranscriptEntry("old", "webchat", clock.GetUtcNow().AddDays(-91), "{}")]);
        await kept90Days.AppendAsync([new TranscriptEntry("recent", "webchat", clock.GetUtcNow().AddDays(-89), "{}")]);

        kept90Days.SweepExpired();

        Assert.Empty(await kept90Days.ReadAsync("old"));
        Assert.Single(await kept90Days.ReadAsync("recent"));
    }

    public void Dispose()
    {
        archive.Dispose();
        file.Dispose();
    }
}

[Collection(RedisCollection.Name)]
public sealed class RedisTranscriptArchiveBehaviour(RedisServer redis) : TranscriptArchiveBehaviour, IDisposable
{
    private readonly ConnectionMultiplexer connection = redis.Connect();

    protected override ITranscriptArchive Archive => new RedisTranscriptArchive(connection);

    [Fact]
    public async Task A_transcript_expires_its_retention_after_its_last_activity()
    {
        var archive = new RedisTranscriptArchive(connection, TimeSpan.FromDays(90));

        await archive.AppendAsync([new TranscriptEntry("c1", "webchat", DateTimeOffset.UtcNow, "{}")]);

        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(RedisTranscriptArchive.KeyPrefix + "c1");
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90));
    }

    public void Dispose() => connection.Dispose();
}
