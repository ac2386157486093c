using Microsoft.Extensions.Logging;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// The encoder with what serves it: the store of the content's vectors on disk and the memory of recent messages.
/// One per process, shared by every index built in it.
/// </summary>
public sealed class SentenceModel : IDisposable
{
    public SentenceModel(ISentenceEncoder encoder, string? cacheFolder, int recentMessages = RecentMessages.DefaultCapacity)
    {
        Encoder = encoder;
        Store = new VectorStore(encoder, cacheFolder);
        Messages = new RecentMessages(encoder, recentMessages);
    }

    public ISentenceEncoder Encoder { get; }
    public VectorStore Store { get; }
    public RecentMessages Messages { get; }

    /// <summary>
    /// Loads the model, or says why it could not: a missing or broken model leaves the bot answering by words, so
    /// this never throws for the model's sake.
    /// </summary>
    public static SentenceModel? TryLoad(string modelSource, string cacheFolder, int threads, bool quantized, ILogger logger, out string? problem)
    {
        try
        {
            var files = SentenceModelFiles.Locate(modelSource, Path.Combine(cacheFolder, "models"), quantized);
            var encoder = new OnnxSentenceEncoder(files, threads);
            problem = null;
            logger.LogInformation("Sentence model {Model} loaded from {Source}", files.ModelId, modelSource);
            return new SentenceModel(encoder, cacheFolder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Google.Protobuf.InvalidProtocolBufferException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            problem = $"{e.GetType().Name}: {e.Message}";
            logger.LogError("Sentence model not loaded ({Problem}); answering by words alone", problem);
            return null;
        }
    }

    public void Dispose()
    {
        Messages.Dispose();
        (Encoder as IDisposable)?.Dispose();
    }
}
