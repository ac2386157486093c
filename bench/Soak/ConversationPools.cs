using System.Threading.Channels;
using MagLearn.LoadGen;

namespace MagLearn.Soak;

/// <summary>What a turn of the mix is: the kind of conversation it goes to, and for answers, which questions.</summary>
public enum TurnKind { RepeatedAnswer, NeverSeenAnswer, FlowStep, DirectLineStep }

/// <summary>
/// The soak's conversations, the idle ones waiting in a pool per kind, and the fixed mix of turns. Each turn takes
/// the next kind from <see cref="Mix"/>, waits for an idle conversation of that kind and gives it back afterwards,
/// so the mix holds at any pace and a conversation never has two turns at once.
///
/// Conversations come and go as people do: an answer conversation is left after a dozen questions and a flow
/// conversation after one to four walks, each for a new one. Direct Line conversations stay for the whole soak, as
/// Web Chat's do while its page is open: the local Direct Line keeps a conversation's latest activities in memory
/// until it has been idle for twice a token's lifetime (an hour by default), so new ones over ten minutes would
/// measure that pile-up, which is by design, and not a leak. A conversation whose turn went wrong is left too, so
/// one fault is not counted again on every later step.
/// </summary>
public sealed class ConversationPools : IAsyncDisposable
{
    private const int AnswerConversations = 64;
    private const int FlowConversations = 192;
    private const int DirectLineConversations = 32;
    private const int AnswersPerConversation = 12;

    /// <summary>
    /// Ten turns: 3 repeated answers, 1 never-seen answer, 4 flow steps, 2 Direct Line flow steps. A never-seen
    /// answer costs about ten times a repeated one (the sentence model's encoding), so one in ten is about half the
    /// server's work.
    /// </summary>
    public static readonly IReadOnlyList<TurnKind> Mix =
    [
        TurnKind.RepeatedAnswer, TurnKind.FlowStep, TurnKind.RepeatedAnswer, TurnKind.FlowStep, TurnKind.DirectLineStep,
        TurnKind.NeverSeenAnswer, TurnKind.RepeatedAnswer, TurnKind.FlowStep, TurnKind.DirectLineStep, TurnKind.FlowStep,
    ];

    public static string MixDescription => string.Join(", ", Enum.GetValues<TurnKind>().Select(k => $"{Share(k):0}% {Describe(k)}"));

    private static double Share(TurnKind kind) => 100.0 * Mix.Count(k => k == kind) / Mix.Count;

    private static string Describe(TurnKind kind) => kind switch
    {
        TurnKind.RepeatedAnswer => "repeated answers",
        TurnKind.NeverSeenAnswer => "never-seen answers",
        TurnKind.FlowStep => "flow steps",
        _ => "Direct Line flow steps",
    };

    private readonly HttpClient http;
    private readonly AnswerScenario repeated;
    private readonly AnswerScenario neverSeen;
    private readonly Dictionary<ConversationKind, Channel<SoakConversation>> idle =
        Enum.GetValues<ConversationKind>().ToDictionary(k => k, _ => Channel.CreateUnbounded<SoakConversation>());
    private readonly long[] turnsByKind = new long[Enum.GetValues<TurnKind>().Length];
    private long nextTurn;
    private int nextSerial;

    private ConversationPools(HttpClient http, IReadOnlyList<string> questions)
    {
        this.http = http;
        repeated = new AnswerScenario(questions);
        neverSeen = new AnswerScenario(questions, neverSeen: true);
    }

    public static async Task<ConversationPools> OpenAsync(HttpClient http, IReadOnlyList<string> questions)
    {
        var pools = new ConversationPools(http, questions);
        foreach (var (kind, count) in new[]
                 {
                     (ConversationKind.Answer, AnswerConversations), (ConversationKind.Flow, FlowConversations),
                     (ConversationKind.DirectLine, DirectLineConversations),
                 })
        {
            foreach (var conversation in await Task.WhenAll(Enumerable.Range(0, count).Select(_ => pools.OpenAsync(kind))))
                pools.idle[kind].Writer.TryWrite(conversation);
        }
        return pools;
    }

    /// <summary>A new conversation of the kind, with a serial no other conversation of the soak has.</summary>
    public async Task<SoakConversation> OpenAsync(ConversationKind kind)
    {
        var serial = Interlocked.Increment(ref nextSerial);
        IConversationClient client = kind == ConversationKind.DirectLine
            ? await DirectLineClient.StartAsync(http)
            : new MessagesClient(http, $"soak-{serial}-{Guid.NewGuid():N}", serial);
        return new SoakConversation(serial, kind, client);
    }

    /// <summary>Conversations opened so far, parked ones and those that replaced others included.</summary>
    public int Opened => Volatile.Read(ref nextSerial);

    /// <summary>The share of each kind in the turns done so far, in the order of <see cref="TurnKind"/>, e.g. "30/10/40/20".</summary>
    public string MixDone()
    {
        var total = Math.Max(1, turnsByKind.Sum());
        return string.Join("/", turnsByKind.Select(n => (100.0 * n / total).ToString("0")));
    }

    /// <summary>The mix's next turn, on an idle conversation of its kind.</summary>
    public async Task<TurnOutcome> TurnAsync()
    {
        var kind = Mix[(int)((Interlocked.Increment(ref nextTurn) - 1) % Mix.Count)];
        var pool = idle[kind switch
        {
            TurnKind.FlowStep => ConversationKind.Flow,
            TurnKind.DirectLineStep => ConversationKind.DirectLine,
            _ => ConversationKind.Answer,
        }];
        var conversation = await pool.Reader.ReadAsync();
        var outcome = kind switch
        {
            TurnKind.RepeatedAnswer => await conversation.AnswerAsync(repeated),
            TurnKind.NeverSeenAnswer => await conversation.AnswerAsync(neverSeen),
            _ => await conversation.NextStepAsync(),
        };
        Interlocked.Increment(ref turnsByKind[(int)kind]);
        pool.Writer.TryWrite(await SuccessorAsync(conversation, outcome));
        return outcome;
    }

    /// <summary>The conversation itself, or a new one when the person would leave it now.</summary>
    private async Task<SoakConversation> SuccessorAsync(SoakConversation conversation, TurnOutcome outcome)
    {
        var leave = outcome.Error is not null || conversation.Kind switch
        {
            ConversationKind.Answer => conversation.Answers >= AnswersPerConversation,
            ConversationKind.Flow => !conversation.MidWalk && conversation.Walks >= 1 + conversation.Serial % 4,
            _ => false,
        };
        if (!leave) return conversation;
        await conversation.DisposeAsync();
        return await OpenAsync(conversation.Kind);
    }

    /// <summary>Every conversation, once no turn is running: each pool is emptied.</summary>
    public List<SoakConversation> TakeAll()
    {
        var all = new List<SoakConversation>();
        foreach (var pool in idle.Values)
        {
            while (pool.Reader.TryRead(out var conversation)) all.Add(conversation);
        }
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var conversation in TakeAll()) await conversation.DisposeAsync();
    }
}
