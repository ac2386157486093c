using System.Text.Json;

namespace MagLearn.LoadGen;

/// <summary>
/// What one simulated user sends, turn after turn, and what a correct reply must contain: a reply that does not
/// is counted as an error, so a fast wrong answer never passes for throughput.
/// </summary>
public interface IScenario
{
    string Name { get; }
    (string Text, string Expect) Turn(int user, long turn);

    /// <summary>How the user reaches the bot: <c>/api/messages</c> unless the scenario says otherwise.</summary>
    Task<IConversationClient> OpenAsync(HttpClient http, string conversation, int user) =>
        Task.FromResult<IConversationClient>(new MessagesClient(http, conversation, user));
}

/// <summary>A baseline: every message is echoed.</summary>
public sealed class EchoScenario(string name) : IScenario
{
    /// <summary>The framework as it ships: the baseline every ratio is taken against.</summary>
    public const string Framework = "echo baseline";

    /// <summary>The framework set up as the bot sets it up (bench/EchoBot with Echo:BotPlumbing).</summary>
    public const string BotPlumbing = "echo on the bot's plumbing";

    public string Name => name;
    public (string, string) Turn(int user, long turn) => ($"hello {turn}", $"Echo: hello {turn}");
}

/// <summary>Free-text questions from a question file, each answered from the Learn index (or the fallback).</summary>
public sealed class AnswerScenario(IReadOnlyList<string> questions) : IScenario
{
    public string Name => "answer turns";
    public (string, string) Turn(int user, long turn) => (questions[(int)((user * 7919 + turn) % questions.Count)], "");

    public static AnswerScenario FromFile(string path) => new(File.ReadLines(path)
        .Where(l => l.Trim().Length > 0)
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
        .ToList());
}

/// <summary>The question sample again, as Web Chat sends it: over the host's own Direct Line and its WebSocket stream.</summary>
public sealed class DirectLineScenario(AnswerScenario questions) : IScenario
{
    public string Name => "Direct Line round trips";
    public (string, string) Turn(int user, long turn) => questions.Turn(user, turn);
    public async Task<IConversationClient> OpenAsync(HttpClient http, string conversation, int user) => await DirectLineClient.StartAsync(http);
}

/// <summary>
/// The login flow walked to its end again and again: a forgotten password, no company login, Forgot Password
/// not tried yet, the resolution, and "yes, that solved it". Every turn is a flow turn.
/// </summary>
public sealed class FlowScenario : IScenario
{
    private static readonly (string Text, string Expect)[] Walk =
    [
        ("I forgot my password", "company login"),
        ("no", "Forgot Password"),
        ("not yet", "Did that solve it"),
        ("yes", ""),
    ];

    public string Name => "flow turns";
    public (string, string) Turn(int user, long turn) => Walk[turn % Walk.Length];
}
