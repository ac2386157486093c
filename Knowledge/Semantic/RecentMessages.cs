using Microsoft.Extensions.Caching.Memory;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// Vectors of messages seen lately: the same few questions arrive again and again ("I forgot my password"), and
/// encoding one is most of a turn. Bounded by count, least recently used out first (MemoryCache compacts by
/// priority, then age); an entry is about 1.6 KB, so the default holds 16 MB at most.
/// </summary>
public sealed class RecentMessages : IDisposable
{
    public const int DefaultCapacity = 10_000;

    private readonly ISentenceEncoder encoder;
    private readonly MemoryCache cache;

    public RecentMessages(ISentenceEncoder encoder, int capacity = DefaultCapacity)
    {
        this.encoder = encoder;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });
    }

    public ISentenceEncoder Encoder => encoder;

    public float[] Encode(string text)
    {
        if (cache.TryGetValue(text, out float[]? known)) return known!;
        var vector = encoder.Encode(text);
        cache.Set(text, vector, new MemoryCacheEntryOptions { Size = 1 });
        return vector;
    }

    public void Dispose() => cache.Dispose();
}
