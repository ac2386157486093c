using System.Text.Json;
using System.Text.Json.Nodes;

namespace MagLearn.LoadGen;

/// <summary>
/// What one simulated user sends, turn after turn, and what a correct reply must contain: a reply that does not
/// is counted as an error, so a fast wrong answer never passes for throughput.
/// </summary>
public interface IScenario
{
    string Name { get; }

    /// <param name="lastReply">What the bot said to this user's previous message (null before the first, or after a failed turn).</param>
    (string Text, string Expect) Turn(int user, long turn, string? lastReply);

    /// <summary>Turns per second all users together send at most (an open-loop pace), or null for as fast as replies come.</summary>
    double? Pace => null;

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
    public (string, string) Turn(int user, long turn, string? lastReply) => ($"hello {turn}", $"Echo: hello {turn}");
}

/// <summary>A question file: each line a JSON object with the question's <c>text</c>, and the route it should get under <c>expect.route</c>.</summary>
public sealed record QuestionFile(IReadOnlyList<string> All, IReadOnlyList<string> Answerable)
{
    public static QuestionFile Read(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var all = lines.Select(q => q.GetProperty("text").GetString()!).ToList();
        var answerable = lines
            .Where(q => q.TryGetProperty("expect", out var e) && e.TryGetProperty("route", out var r) && r.GetString() == "answer")
            .Select(q => q.GetProperty("text").GetString()!)
            .ToList();
        // A file without routes: every question is taken as one to answer.
        return new QuestionFile(all, answerable.Count > 0 ? answerable : all);
    }
}

/// <summary>
/// Free-text answer turns: people who type the Learn pages' questions one after another, the questions the file
/// routes to an answer. Each is searched and answered: cited, a "Did you mean" list, or the fallback. When a
/// question opens a guided flow instead (the router's choice, not the file's: a few percent of turns), the person
/// says "cancel" and types the next one, as someone who wanted an answer would.
/// </summary>
public sealed class AnswerScenario(IReadOnlyList<string> questions, string name = "answer turns (repeated questions)", bool neverSeen = false, double? pace = null) : IScenario
{
    public string Name => name;

    public double? Pace => pace;

    public (string, string) Turn(int user, long turn, string? lastReply) =>
        lastReply is not null && AsksAFlowQuestion(lastReply)
            ? ("cancel", "")
            : (neverSeen ? NeverSeen(QuestionsAtFlowsScenario.Nth(questions, user, turn), user, turn) : QuestionsAtFlowsScenario.Nth(questions, user, turn), "");

    /// <summary>
    /// The question with a reference only this turn has, so the bot has never encoded it: the cost of a message
    /// nobody asked before, with the same words (and so the same route) as the question.
    /// </summary>
    public static string NeverSeen(string question, int user, long turn) => $"{question} [{user}.{turn}]";

    /// <summary>
    /// A flow's question offers its answers as buttons that carry the question they answer; "Did you mean" buttons
    /// carry the passage they stand for, and the fallback's carry a help area.
    /// </summary>
    private static bool AsksAFlowQuestion(string reply) =>
        // Most replies have no buttons: not parsed at all, so the client (on the server's cores) stays light.
        reply.Contains("\"suggestedActions\"", StringComparison.Ordinal) &&
        JsonNode.Parse(reply)?["activities"] is JsonArray activities &&
        activities.Any(activity => activity?["suggestedActions"]?["actions"] is JsonArray actions &&
                                   actions.Any(action => action?["value"] is JsonObject value && value["answers"] is not null));
}

/// <summary>
/// The whole question file, flows left open: a question that opens a flow is followed by the next questions typed
/// at the flow's prompt, never an answer to it. This measures the flows' handling of questions asked inside them
/// (answered on the side, a switch offered, or the retry limit reached), with the flow's state in every turn.
/// </summary>
public sealed class QuestionsAtFlowsScenario(IReadOnlyList<string> questions) : IScenario
{
    public string Name => "questions at open flows";
    public (string, string) Turn(int user, long turn, string? lastReply) => (Nth(questions, user, turn), "");

    /// <summary>Each user walks the questions from a starting point of their own.</summary>
    public static string Nth(IReadOnlyList<string> questions, int user, long turn) => questions[(int)((user * 7919 + turn) % questions.Count)];
}

/// <summary>The whole question file again, as Web Chat sends it: over the host's own Direct Line and its WebSocket stream.</summary>
public sealed class DirectLineScenario(IReadOnlyList<string> questions) : IScenario
{
    public string Name => "Direct Line round trips";
    private readonly QuestionsAtFlowsScenario asked = new(questions);
    public (string, string) Turn(int user, long turn, string? lastReply) => asked.Turn(user, turn, lastReply);
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
    public (string, string) Turn(int user, long turn, string? lastReply) => Walk[turn % Walk.Length];
}
