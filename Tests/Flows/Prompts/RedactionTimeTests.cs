using System.Diagnostics;
using MagLearn.Bot.Privacy;

namespace MagLearn.Tests.Flows.Prompts;

/// <summary>
/// Whatever a stranger types is redacted before it is kept, so the redaction must take time in proportion to the
/// text, never more: 256 KB shaped to make a backtracking pattern retry every split (a label and then nothing but
/// spaces, labels over and over, long runs of digits) is redacted well inside a bound a backtracking pattern
/// overruns by minutes, and with the result it should have, not the mask a timeout would give.
/// </summary>
public class RedactionTimeTests
{
    private const int Size = 256 * 1024;

    /// <summary>Generous: the patterns take at most about a second here, even beside other work; a backtracking one, minutes.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> Hostile => new()
    {
        { "a label followed by spaces", "password" + new string(' ', Size - 8) },
        { "a label, 100k spaces and a colon", "my code" + new string(' ', 100_000) + ":" + new string(' ', Size - 100_008) },
        { "labels over and over", Repeat("pw is ") },
        { "one-time code labels with no value", Repeat("otp code ,") },
        { "one long run of digits", new string('7', Size) },
        { "digit groups that never add up to a card", Repeat("1234 56 ") },
        { "digit groups with every separator", Repeat("4111./_- ") },
        { "hyphens between digits", Repeat("-1") },
        { "a label in another script", "пароль password" + new string('\u00a0', Size - 15) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Adversarial_text_is_redacted_in_bounded_time(string shape, string text)
    {
        SecretRedactor.Redact("warm up the patterns: password is x, 123456, 4111 1111 1111 1111");

        var clock = Stopwatch.StartNew();
        var redacted = SecretRedactor.Redact(text);
        clock.Stop();

        Assert.True(clock.Elapsed < Bound, $"{shape}: {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.NotEqual(SecretRedactor.Mask, redacted);
    }

    [Fact]
    public void A_secret_after_the_flood_is_still_found()
    {
        var text = "password" + new string(' ', 100_000) + "is Hunter2!";

        Assert.EndsWith("is " + SecretRedactor.Mask, SecretRedactor.Redact(text));
    }

    private static string Repeat(string piece) => string.Concat(Enumerable.Repeat(piece, Size / piece.Length));
}
