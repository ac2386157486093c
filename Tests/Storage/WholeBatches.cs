using MagLearn.Bot.Storage;
using Microsoft.Bot.Builder;

namespace MagLearn.Tests.Storage;

/// <summary>
/// What the stores that write a batch in one transaction share (SQLite, Redis); the Bot Framework's MemoryStorage
/// writes item by item, so this is not part of the conformance suite.
/// </summary>
internal static class WholeBatches
{
    public static async Task A_batch_with_one_stale_item_writes_none_of_it(IStorage storage)
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["stale"] = new Counter { Id = "1", Count = 1 } });

        await Assert.ThrowsAsync<ETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["fresh"] = new Note { Id = "new" },
            ["stale"] = new Counter { Id = "1", Count = 2, ETag = "not-the-stored-one" },
        }));

        Assert.Empty(await storage.ReadAsync(["fresh"]));
        Assert.Equal(1, ((Counter)(await storage.ReadAsync(["stale"]))["stale"]).Count);
    }
}
