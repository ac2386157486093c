using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace MagLearn.Bot.Transcripts;

/// <summary>
/// What the Bot Framework's <see cref="TranscriptLoggerMiddleware"/> hands each activity to: it is redacted here,
/// before it is written anywhere. The middleware writes after the turn without waiting and drops failures, so a
/// failure is logged here instead, by kind only, never with the activity.
/// </summary>
public sealed partial class RedactingTranscriptLogger : ITranscriptLogger
{
    private readonly ITranscriptArchive archive;
    private readonly TranscriptOptions options;
    private readonly ILogger<RedactingTranscriptLogger> logger;
    private readonly TimeProvider clock;

    public RedactingTranscriptLogger(ITranscriptArchive archive, IOptions<TranscriptOptions> options, ILogger<RedactingTranscriptLogger> logger, TimeProvider? clock = null)
    {
        this.archive = archive;
        this.options = options.Value;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
    }

    public async Task LogActivityAsync(IActivity activity)
    {
        if (!options.Enabled || activity?.Conversation?.Id is not { Length: > 0 } conversation) return;
        try
        {
            var redacted = ActivityRedactor.Redact(activity).ToString(Formatting.None);
            await archive.AppendAsync(new TranscriptEntry(conversation, activity.ChannelId ?? "", activity.Timestamp ?? clock.GetUtcNow(), redacted));
        }
        catch (Exception e)
        {
            NotKept(activity.ChannelId, activity.Type, e.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 320, Level = LogLevel.Warning, Message = "A {Type} activity on {Channel} could not be added to its transcript ({Error})")]
    private partial void NotKept(string? channel, string? type, string error);
}
