using Microsoft.Bot.Builder;

namespace MagLearn.Tests.Storage;

/// <summary>A plain object: storages write it last-writer-wins.</summary>
public sealed class Note
{
    public string Id { get; set; } = "";
    public int Count { get; set; }
    public string? Text { get; set; }
    public List<string> Lines { get; set; } = [];
}

/// <summary>A store item: storages refuse a write of it whose ETag is not the stored one.</summary>
public sealed class Counter : IStoreItem
{
    public string Id { get; set; } = "";
    public int Count { get; set; }
    public string? ETag { get; set; }
}

/// <summary>What a conversation keeps between turns: nested, typed, with dates and an enum.</summary>
public sealed class Visit
{
    public int Turns { get; set; }
    public List<string> Said { get; set; } = [];
    public Dictionary<string, string> Values { get; set; } = new();
    public DateTimeOffset Started { get; set; }
    public DayOfWeek Day { get; set; }
}
