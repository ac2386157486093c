using MagLearn.Bot.Flows;
using MagLearn.Bot.Insights;
using MagLearn.Bot.Wording;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Seeding;

/// <summary>
/// Writes a realistic stretch of traffic through the real bot, so the insights have something to show on a fresh
/// machine: each day a weekday-shaped number of people ask the content's own labeled questions, some out-of-scope
/// ones, walk the flows they start by pressing buttons, sometimes stop or walk away, and sometimes answer
/// "Did this help?". Deterministic for a given seed; every event is stamped with its day in the past.
/// </summary>
public sealed class HistorySeeder(IBot bot, KnowledgeBase knowledge, InsightRecorder recorder, ConversationState state, FlowRunner flows)
{
    /// <summary>What a seeded run wrote.</summary>
    public sealed record Seeded(int Days, int Conversations, int Messages);

    private const int MaxTurnsInAFlow = 12;

    public async Task<Seeded> SeedAsync(int days, DateOnly lastDay, int seed = 7, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var questions = Questions();
        var adapter = new SeedAdapter();
        int conversations = 0, messages = 0;
        for (var d = days - 1; d >= 0; d--)
        {
            var day = lastDay.AddDays(-d);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var people = weekend ? random.Next(3, 9) : random.Next(18, 40);
            for (var p = 0; p < people; p++)
            {
                var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddMinutes(random.Next(0, 11 * 60));
                var conversation = new Conversation(adapter, bot, $"seed-{day:yyyyMMdd}-{p}");
                messages += await OnePersonAsync(conversation, questions[random.Next(questions.Count)], start, random, cancellationToken);
                using var ended = conversation.Context();
                await state.DeleteAsync(ended, cancellationToken);
                conversations++;
            }
        }
        await recorder.WrittenAsync();
        return new Seeded(days, conversations, messages);
    }

    /// <summary>What people ask: the content's labeled questions, and one in eight about something else.</summary>
    private List<string> Questions()
    {
        var folder = Path.Combine(knowledge.ContentFolder, "routing");
        var labeled = LabeledQuestion.ReadJsonLines(Path.Combine(folder, "questions.jsonl")).Select(q => q.Text).ToList();
        var elsewhere = File.ReadLines(Path.Combine(folder, "out-of-scope.txt"))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).Select(l => l.Trim()).ToList();
        return [.. labeled, .. elsewhere.Take(Math.Max(1, labeled.Count / 8))];
    }

    private async Task<int> OnePersonAsync(Conversation chat, string question, DateTimeOffset at, Random random, CancellationToken ct)
    {
        var sent = 1;
        var replies = await chat.SayAsync(question, at, ct);
        for (var turn = 0; turn < MaxTurnsInAFlow; turn++)
        {
            at = at.AddSeconds(random.Next(8, 90));
            var buttons = Buttons(replies);
            var next = Next(buttons, replies, await InAFlowAsync(chat, ct), random);
            if (next is null) break;
            replies = await chat.SendAsync(next, at, ct);
            sent++;
        }
        return sent;
    }

    /// <summary>What this person does next, or null when they leave.</summary>
    private async Task<bool> InAFlowAsync(Conversation chat, CancellationToken ct)
    {
        using var turn = chat.Context();
        await state.LoadAsync(turn, force: true, ct);
        return await flows.IsActiveAsync(turn, ct);
    }

    private static Activity? Next(IReadOnlyList<CardAction> buttons, IReadOnlyList<Activity> replies, bool inAFlow, Random random)
    {
        var last = replies.LastOrDefault(r => r.Type == ActivityTypes.Message)?.Text ?? "";
        var said = string.Join("\n", replies.Select(r => r.Text));
        if (buttons.Any(b => b.Title == Replies.ItHelped))
        {
            // Most people do not rate an answer; of those who do, most found it helped.
            var roll = random.NextDouble();
            return roll < 0.45 ? Press(buttons.First(b => b.Title == Replies.ItHelped))
                : roll < 0.6 ? Press(buttons.First(b => b.Title == Replies.ItDidNot))
                : null;
        }
        if (said.Contains(Replies.DidThatSolveIt, StringComparison.Ordinal))
            return Typed(random.NextDouble() < 0.72 ? "yes" : "no");
        if (last.StartsWith(Replies.Fallback, StringComparison.Ordinal) || last == Replies.NothingBetter || last == Replies.StillNotIt || IsDidYouMean(buttons))
        {
            // Topics or other answers offered: some pick one, most leave.
            return buttons.Count > 0 && random.NextDouble() < 0.3 ? Press(buttons[random.Next(buttons.Count)]) : null;
        }
        if (!inAFlow) return null;
        if (random.NextDouble() < 0.07) return random.NextDouble() < 0.5 ? Typed("cancel") : null;
        var choices = buttons.Where(b => b.Title != Replies.TalkToAPerson && b.Title != Replies.Cancel).ToList();
        if (choices.Count > 0) return Press(choices[random.Next(choices.Count)]);
        // A question with no buttons asks for typed words (a user ID, a note for support).
        if (buttons.Count > 0) return null;
        var typed = random.NextDouble();
        return Typed(typed < 0.4 ? "smithj_1234" : typed < 0.6 ? "4471023" : typed < 0.8 ? "it says error 2035 when I log in" : "skip");
    }

    /// <summary>"Did you mean": buttons that stand for a passage or a flow.</summary>
    private static bool IsDidYouMean(IReadOnlyList<CardAction> buttons) =>
        buttons.Any(b => b.Value is not null && JToken.FromObject(b.Value) is JObject value && (value["page"] is not null || value["flow"] is not null));

    private static IReadOnlyList<CardAction> Buttons(IReadOnlyList<Activity> replies)
    {
        var last = replies.LastOrDefault(r => r.Type == ActivityTypes.Message);
        if (last is null) return [];
        var onCards = last.Attachments?.Select(a => a.Content).OfType<HeroCard>().SelectMany(c => c.Buttons ?? []) ?? [];
        return [.. last.SuggestedActions?.Actions ?? [], .. onCards];
    }

    private static Activity Typed(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static Activity Press(CardAction button) => new()
    {
        Type = ActivityTypes.Message,
        Text = button.Title,
        Value = button.Type == ActionTypes.MessageBack ? button.Value is string s ? JToken.Parse(s) : JToken.FromObject(button.Value) : null,
    };

    /// <summary>One seeded person's conversation on Web Chat.</summary>
    private sealed class Conversation(SeedAdapter adapter, IBot bot, string id)
    {
        private readonly ConversationAccount conversation = new(id: id);
        private readonly ChannelAccount person = new("seed-user-" + id, "Seeded user");
        private readonly ChannelAccount theBot = new("maglearn", "MagLearn");

        /// <summary>A turn of this conversation that runs nothing, to read or clear its state.</summary>
        public TurnContext Context() => new(adapter, new Activity
        {
            Type = ActivityTypes.Message, ChannelId = "webchat", Conversation = conversation, From = person, Recipient = theBot,
        });

        public Task<IReadOnlyList<Activity>> SayAsync(string text, DateTimeOffset at, CancellationToken ct) => SendAsync(Typed(text), at, ct);

        public async Task<IReadOnlyList<Activity>> SendAsync(Activity message, DateTimeOffset at, CancellationToken ct)
        {
            message.Id = Guid.NewGuid().ToString("N");
            message.ChannelId = "webchat";
            message.Conversation = conversation;
            message.From = person;
            message.Recipient = theBot;
            message.ServiceUrl = "http://localhost/seed";
            message.Timestamp = at;
            using (InsightRecorder.Backdated(at))
                return await adapter.SendAsync(bot, message, ct);
        }
    }
}
