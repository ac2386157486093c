using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MagLearn.Bot.Flows.Definition;

/// <summary>Remembers the line of the last thing parsed, for errors that come without one.</summary>
internal sealed class LineTrackingParser(IParser inner) : IParser
{
    public int LastLine { get; private set; } = 1;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current) LastLine = (int)current.Start.Line;
        return moved;
    }
}
