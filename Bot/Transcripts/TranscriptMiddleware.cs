using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace MagLearn.Bot.Transcripts;

/// <summary>
/// Keeps every activity of a turn, both ways, in the conversation's transcript, redacted before it is written
/// anywhere (<see cref="ActivityRedactor"/>). It keeps what the Bot Framework's TranscriptLoggerMiddleware keeps:
/// the person's role filled in when the channel left it out, an id and a time on every activity, updates and
/// deletes as <c>messageUpdate</c> and <c>messageDelete</c>, and the write after the turn, not waited for.
///
/// Why not the framework's: it copies every activity through a JSON round trip, redacting would then turn each copy
/// into a tree and into text again, and each activity would be a commit of its own waiting for the one before. Here each activity is written as redacted text once, when it happens (so later changes to it cannot
/// leak in), and a turn's activities go to the archive in one write.
/// </summary>
public sealed partial class TranscriptMiddleware(ITranscriptArchive archive, IOptions<TranscriptOptions> options, ILogger<TranscriptMiddleware> logger,
    TimeProvider? clock = null) : Microsoft.Bot.Builder.IMiddleware
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public async Task OnTurnAsync(ITurnContext turn, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            await next(cancellationToken);
            return;
        }
        var kept = new List<TranscriptEntry>(4);
        if (turn.Activity is { } incoming)
        {
            incoming.From ??= new ChannelAccount();
            if (string.IsNullOrEmpty((string?)incoming.From.Properties["role"]) && string.IsNullOrEmpty(incoming.From.Role))
                incoming.From.Role = RoleTypes.User;
            // A skill's continuation event only starts a conversation's machinery; nobody said anything.
            if (!(incoming.Type == ActivityTypes.Event && incoming.Name == ActivityEventNames.ContinueConversation))
                Keep(kept, incoming);
        }
        turn.OnSendActivities(async (_, activities, nextSend) =>
        {
            var responses = await nextSend();
            foreach (var activity in activities) Keep(kept, activity);
            return responses;
        });
        turn.OnUpdateActivity(async (_, activity, nextUpdate) =>
        {
            var response = await nextUpdate();
            var update = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity))!;
            update.Type = ActivityTypes.MessageUpdate;
            Keep(kept, update);
            return response;
        });
        turn.OnDeleteActivity(async (_, reference, nextDelete) =>
        {
            await nextDelete();
            Keep(kept, new Activity { Type = ActivityTypes.MessageDelete, Id = reference.ActivityId }.ApplyConversationReference(reference, isIncoming: false));
        });

        await next(cancellationToken);

        // Not waited for, as the framework's: the person's reply does not wait on the transcript.
        _ = WriteAsync(kept);
    }

    private void Keep(List<TranscriptEntry> kept, IActivity activity)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversation) return;
        var at = activity.Timestamp ?? clock.GetUtcNow();
        var json = ActivityRedactor.RedactedJson(activity, Missing(activity, at));
        // Replies can be sent from more than one task in a turn.
        lock (kept) kept.Add(new TranscriptEntry(conversation, activity.ChannelId ?? "", at, json));
    }

    /// <summary>What the framework's transcript filled in on its copy: an id where there is none, the time it was kept.</summary>
    private static List<(string Name, object Value)> Missing(IActivity activity, DateTimeOffset at)
    {
        var missing = new List<(string Name, object Value)>(2);
        if (string.IsNullOrEmpty(activity.Id)) missing.Add(("id", $"g_{Guid.NewGuid()}"));
        if (activity.Timestamp is null) missing.Add(("timestamp", at));
        return missing;
    }

    private async Task WriteAsync(List<TranscriptEntry> kept)
    {
        if (kept.Count == 0) return;
        try
        {
            await archive.AppendAsync(kept);
        }
        catch (Exception e)
        {
            NotKept(kept.Count, kept[0].ChannelId, e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 320, Level = LogLevel.Warning, Message = "{Count} activities on {Channel} could not be added to their transcript ({Error})")]
    private partial void NotKept(int count, string? channel, string error);
}
