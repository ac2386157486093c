using MagLearn.Bot.Flows;
using MagLearn.Bot.Flows.Handoff;
using MagLearn.Bot.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Bot.Admin;

/// <summary>What support staff can read about one conversation: its hand-off summary and its redacted transcript.</summary>
public sealed record ConversationRecord(string ConversationId, string? ChannelId, CaseSummary? Handoff, IReadOnlyList<JObject> Transcript)
{
    public bool Exists => Handoff is not null || Transcript.Count > 0;
}

/// <summary>
/// Reads a <see cref="ConversationRecord"/>. The summary comes from conversation state through the flows' own
/// accessor, exactly as the bot stored it; state is keyed by channel as well, which the transcript tells (or the
/// caller, for a conversation without one).
/// </summary>
public sealed class ConversationRecords(ITranscriptArchive transcripts, ConversationState state, FlowRunner flows, Hosting.ChannelAdapter adapter)
{
    public async Task<ConversationRecord> ReadAsync(string conversationId, string? channelId, CancellationToken cancellationToken)
    {
        var entries = await transcripts.ReadAsync(conversationId, cancellationToken);
        var channel = channelId ?? entries.LastOrDefault()?.ChannelId;
        if (channelId is not null) entries = entries.Where(e => e.ChannelId == channelId).ToList();
        var handoff = channel is null ? null : await HandoffAsync(channel, conversationId, cancellationToken);
        return new ConversationRecord(conversationId, channel, handoff, entries.Select(e => JObject.Parse(e.Activity)).ToList());
    }

    private async Task<CaseSummary?> HandoffAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        // A context for reading state only: nothing is sent through it.
        var turn = new TurnContext(adapter, new Activity
        {
            Type = ActivityTypes.Event,
            ChannelId = channelId,
            Conversation = new ConversationAccount(id: conversationId),
        });
        await state.LoadAsync(turn, cancellationToken: cancellationToken);
        return await flows.LastHandoffAsync(turn, cancellationToken);
    }
}
