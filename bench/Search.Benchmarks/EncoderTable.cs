using System.Diagnostics;
using System.Numerics.Tensors;
using MagLearn.Knowledge.Semantic;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace MagLearn.Benchmarks;

/// <summary>
/// The sentence encoder alone, in process, in the settings worth comparing: full or 8-bit weights, one or two
/// ONNX Runtime threads per message, and messages that arrive together encoded as one padded batch. Each row:
/// the latency of one 20-word message asked alone (p50, p99), and the messages per second two callers get at once
/// (the bot's two cores busy with turns).
/// </summary>
public static class EncoderTable
{
    /// <summary>Twenty words, as a person with a problem types them.</summary>
    public const string TwentyWords = "hi, I changed my phone last week and now the exostar login keeps rejecting the code from my authenticator app";

    public static void Write(TextWriter output, IReadOnlyList<string> messages, TimeSpan perRow)
    {
        var unpack = Path.Combine(Questions.RepoRoot, "data", "semantic", "models");
        var packaged = Path.Combine(AppContext.BaseDirectory, SentenceModelFiles.DefaultPackagedModel);
        var full = SentenceModelFiles.Locate(packaged, unpack, quantized: false);
        var int8 = SentenceModelFiles.Locate(packaged, unpack, quantized: true);
        output.WriteLine($"one message: \"{TwentyWords}\" ({TwentyWords.Split(' ').Length} words); throughput over {messages.Count} questions, two callers");
        output.WriteLine();
        output.WriteLine("| weights | threads per message | batch | one message p50 (ms) | p99 (ms) | messages/s, two callers |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, files) in new[] { ("fp32", full), ("int8", int8) })
            foreach (var threads in new[] { 1, 2 })
            {
                using var encoder = new OnnxSentenceEncoder(files, threads);
                var (p50, p99) = Alone(encoder, perRow);
                var rate = Together(messages, perRow, batch: 1, one: encoder.Encode, many: null);
                output.WriteLine($"| {name} | {threads} | 1 | {p50:0.00} | {p99:0.00} | {rate:0} |");
            }
        foreach (var batch in new[] { 4, 8 })
        {
            using var batched = new BatchEncoder(int8, threads: 1);
            var rate = Together(messages, perRow, batch, one: null, many: batched.Encode);
            output.WriteLine($"| int8 | 1 | {batch} | | | {rate:0} |");
        }
    }

    private static (double P50, double P99) Alone(OnnxSentenceEncoder encoder, TimeSpan duration)
    {
        for (var i = 0; i < 50; i++) encoder.Encode(TwentyWords);
        var samples = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            encoder.Encode(TwentyWords);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], samples[Math.Min(samples.Count - 1, (int)(samples.Count * 0.99))]);
    }

    private static double Together(IReadOnlyList<string> messages, TimeSpan duration, int batch, Func<string, float[]>? one, Func<IReadOnlyList<string>, float[][]>? many)
    {
        var done = 0L;
        var stop = DateTime.UtcNow + duration;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, 2, caller =>
        {
            for (var i = caller * batch; DateTime.UtcNow < stop; i = (i + 2 * batch) % messages.Count)
            {
                var group = Enumerable.Range(i, batch).Select(j => messages[j % messages.Count]).ToList();
                if (many is not null) many(group);
                else foreach (var message in group) one!(message);
                Interlocked.Add(ref done, batch);
            }
        });
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Several messages as one padded batch, each vector the mean of its own tokens only.</summary>
    private sealed class BatchEncoder : IDisposable
    {
        private readonly InferenceSession session;
        private readonly BertTokenizer tokenizer;

        public BatchEncoder(SentenceModelFiles files, int threads)
        {
            tokenizer = BertTokenizer.Create(files.VocabularyFile, new BertOptions { LowerCaseBeforeTokenization = true });
            session = new InferenceSession(files.OnnxFile, new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 });
        }

        public float[][] Encode(IReadOnlyList<string> texts)
        {
            var ids = texts.Select(t => tokenizer.EncodeToIds(t, OnnxSentenceEncoder.MaxTokens, out _, out _)).ToList();
            var width = ids.Max(i => i.Count);
            var tokens = new long[texts.Count * width];
            var mask = new long[texts.Count * width];
            for (var s = 0; s < texts.Count; s++)
                for (var t = 0; t < ids[s].Count; t++)
                {
                    tokens[s * width + t] = ids[s][t];
                    mask[s * width + t] = 1;
                }
            var shape = new long[] { texts.Count, width };
            using var a = OrtValue.CreateTensorValueFromMemory(tokens, shape);
            using var m = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var z = OrtValue.CreateTensorValueFromMemory(new long[tokens.Length], shape);
            using var options = new RunOptions();
            using var outputs = session.Run(options, new Dictionary<string, OrtValue> { ["input_ids"] = a, ["attention_mask"] = m, ["token_type_ids"] = z }, ["last_hidden_state"]);
            var states = outputs[0].GetTensorDataAsSpan<float>();
            var vectors = new float[texts.Count][];
            for (var s = 0; s < texts.Count; s++)
            {
                var vector = vectors[s] = new float[384];
                for (var t = 0; t < ids[s].Count; t++) TensorPrimitives.Add(vector, states.Slice((s * width + t) * 384, 384), vector);
                TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
            }
            return vectors;
        }

        public void Dispose() => session.Dispose();
    }
}
