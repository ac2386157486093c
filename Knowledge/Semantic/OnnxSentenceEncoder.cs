using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 run in process by ONNX Runtime: WordPiece tokens in, the mean of the last layer's token
/// vectors out, scaled to length one (what the model was trained to produce). Safe to call from many threads.
/// </summary>
public sealed class OnnxSentenceEncoder : ISentenceEncoder, IDisposable
{
    /// <summary>The model's position limit. A longer text is cut here: its opening says what it is about.</summary>
    public const int MaxTokens = 256;

    private const int Hidden = 384;

    private static readonly string[] Output = ["last_hidden_state"];

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer;
    private readonly RunOptions runOptions = new();

    public OnnxSentenceEncoder(SentenceModelFiles files, int threads = 1)
    {
        ModelId = files.ModelId;
        tokenizer = BertTokenizer.Create(files.VocabularyFile, new BertOptions { LowerCaseBeforeTokenization = true });
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        // Idle worker threads sleep instead of spinning: on two cores a spinning thread takes the core another
        // request's turn needs (see "Encoder" in docs/benchmarks.md).
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        session = new InferenceSession(files.OnnxFile, options);
        var inputs = session.InputMetadata.Keys;
        if (!inputs.Contains("input_ids") || !inputs.Contains("attention_mask") || !session.OutputMetadata.ContainsKey(Output[0]))
            throw new InvalidDataException($"{files.OnnxFile} is not a BERT-style sentence model (inputs: {string.Join(", ", inputs)})");
    }

    public string ModelId { get; }

    public int Dimensions => Hidden;

    public float[] Encode(string text)
    {
        var ids = tokenizer.EncodeToIds(text, MaxTokens, out _, out _);
        var count = ids.Count;
        var tokens = new long[count];
        var mask = new long[count];
        for (var i = 0; i < count; i++)
        {
            tokens[i] = ids[i];
            mask[i] = 1;
        }
        var shape = new long[] { 1, count };
        using var tokenTensor = OrtValue.CreateTensorValueFromMemory(tokens, shape);
        using var maskTensor = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeTensor = OrtValue.CreateTensorValueFromMemory(new long[count], shape);
        var inputs = new Dictionary<string, OrtValue>(3)
        {
            ["input_ids"] = tokenTensor,
            ["attention_mask"] = maskTensor,
            ["token_type_ids"] = typeTensor,
        };
        using var outputs = session.Run(runOptions, inputs, Output);
        var states = outputs[0].GetTensorDataAsSpan<float>();

        // Every token is real (one sentence, no padding), so the mean is the plain sum scaled; the scale cancels
        // in the normalisation that follows.
        var vector = new float[Hidden];
        for (var token = 0; token < count; token++) TensorPrimitives.Add(vector, states.Slice(token * Hidden, Hidden), vector);
        var length = TensorPrimitives.Norm(vector);
        if (length > 0) TensorPrimitives.Divide(vector, length, vector);
        return vector;
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
