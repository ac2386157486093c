using MagLearn.Bot.Privacy;
using Newtonsoft.Json;

namespace MagLearn.Bot.Transcripts;

/// <summary>
/// Writes JSON as the serializer produces it, masking secrets in its prose on the way through (see
/// <see cref="ActivityRedactor"/> for what counts as prose): one pass, with no copy of the activity and no
/// document tree in between. With <c>said</c> given, only the top-level properties it names hold prose (an
/// activity); without, all of it does.
/// </summary>
internal sealed class RedactingJsonWriter(TextWriter text, IReadOnlySet<string>? said, IReadOnlySet<string> notProse) : JsonTextWriter(text)
{
    private enum Mode { Root, Redact, Keep }

    private readonly Stack<Mode> containers = new();
    private readonly HashSet<string> rootNames = new(StringComparer.Ordinal);
    private string? property;

    /// <summary>
    /// Properties added to the root object when the activity has none of its own, or an empty one (a transcript's
    /// id and time).
    /// </summary>
    public IReadOnlyList<(string Name, object Value)> Defaults { get; init; } = [];

    public override void WritePropertyName(string name)
    {
        base.WritePropertyName(name);
        Named(name);
    }

    public override void WritePropertyName(string name, bool escape)
    {
        base.WritePropertyName(name, escape);
        Named(name);
    }

    private void Named(string name)
    {
        property = name;
        if (containers.Count == 1) rootNames.Add(name);
    }

    public override void WriteStartObject()
    {
        var mode = containers.Count == 0 && said is not null ? Mode.Root : NextValue();
        base.WriteStartObject();
        containers.Push(mode);
    }

    public override void WriteStartArray()
    {
        var mode = NextValue();
        base.WriteStartArray();
        containers.Push(mode);
    }

    public override void WriteEndObject()
    {
        if (containers.Count == 1 && said is not null)
        {
            foreach (var (name, value) in Defaults)
            {
                if (rootNames.Contains(name)) continue;
                base.WritePropertyName(name);
                base.WriteValue(value);
            }
        }
        containers.Pop();
        // A name whose value was no string (a number, true, null) must not carry over to what follows.
        property = null;
        base.WriteEndObject();
    }

    public override void WriteEndArray()
    {
        containers.Pop();
        property = null;
        base.WriteEndArray();
    }

    public override void WriteValue(string? value)
    {
        if (value is "" && containers.Count == 1 && property is { } name && Defaults.FirstOrDefault(d => d.Name == name) is { Value: { } given })
        {
            property = null;
            base.WriteValue(given);
            return;
        }
        base.WriteValue(value is not null && NextValue() == Mode.Redact ? SecretRedactor.Redact(value) : value);
        property = null;
    }

    /// <summary>
    /// How the value about to be written is kept: at the top, by whether its property is one that carries what
    /// someone said; below that, as its container is, except that identifiers and links are kept as they are.
    /// </summary>
    private Mode NextValue()
    {
        var name = property;
        property = null;
        if (containers.Count == 0) return said is null ? Mode.Redact : Mode.Keep;
        return containers.Peek() switch
        {
            Mode.Root => name is not null && said!.Contains(name) ? Mode.Redact : Mode.Keep,
            Mode.Redact => name is not null && notProse.Contains(name) ? Mode.Keep : Mode.Redact,
            _ => Mode.Keep,
        };
    }
}
