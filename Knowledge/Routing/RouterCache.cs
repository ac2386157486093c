using System.Security.Cryptography;
using System.Text;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Knowledge.Routing;

/// <summary>
/// Trained routers kept on disk, so a restart on the same content starts in a second instead of training for
/// several. A router is found by a hash of everything its training reads: its evidence, its routes, every example,
/// the index it was measured against, the sentence model and the training settings. Any change to one of them is
/// a different file, so a stale router is never loaded; the files of content that is gone are left for the
/// operator's clean-up (each is a few hundred KB).
/// </summary>
internal static class RouterCache
{
    /// <summary>Bumped whenever the features or the model's file layout change.</summary>
    private const string Format = "router-5";

    public static string KeyOf(RouteTrainingSet set, RouteEvidence evidence, string indexVersion, string? modelId, RouteModel.Settings settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\u0000"));
        Add(Format);
        Add(evidence.ToString());
        Add(indexVersion);
        Add(modelId ?? "");
        Add(settings.ToString());
        foreach (var label in set.Labels) Add(label);
        foreach (var example in set.All)
        {
            Add(example.Text);
            Add(example.Label);
            Add(example.Source.ToString());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..20];
    }

    /// <param name="examples">The bank of the examples the router is trained on (a kept router reads it again).</param>
    public static RouteClassifier GetOrTrain(string? folder, string key, RouteEvidence evidence, IReadOnlyList<string> labels, SemanticIndex? semantic,
        ExampleBank? examples, Func<RouteClassifier> train)
    {
        var file = folder is null ? null : Path.Combine(folder, $"router-{key}.bin");
        if (file is not null && Read(file, evidence, labels, semantic, examples) is { } kept) return kept;
        var trained = train();
        if (file is not null) Write(file, trained);
        return trained;
    }

    private static RouteClassifier? Read(string file, RouteEvidence evidence, IReadOnlyList<string> labels, SemanticIndex? semantic, ExampleBank? examples)
    {
        if (!File.Exists(file)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(file), Encoding.UTF8);
            if (reader.ReadString() != Format) return null;
            var kept = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToList();
            if (!kept.SequenceEqual(labels)) return null;
            var grams = WordGrams.From(Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToList());
            var dimensions = reader.ReadInt32();
            var weights = new float[labels.Count][];
            for (var c = 0; c < labels.Count; c++)
            {
                weights[c] = new float[dimensions];
                for (var j = 0; j < dimensions; j++) weights[c][j] = reader.ReadSingle();
            }
            var biases = Enumerable.Range(0, labels.Count).Select(_ => reader.ReadSingle()).ToArray();
            var temperature = reader.ReadDouble();
            var margin = reader.ReadDouble();
            var figures = new RouterFigures(reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble());
            var features = new RouteFeatures(evidence, labels, semantic, grams, examples);
            if (features.Count != dimensions) return null;
            return new RouteClassifier(labels, features, new RouteModel(weights, biases, temperature), margin, figures);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Written beside and renamed over; a disk that refuses only costs the next start its training.</summary>
    private static void Write(string file, RouteClassifier router)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var partial = $"{file}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.partial";
            using (var writer = new BinaryWriter(File.Create(partial), Encoding.UTF8))
            {
                writer.Write(Format);
                writer.Write(router.Labels.Count);
                foreach (var label in router.Labels) writer.Write(label);
                var grams = router.Features.Grams.Grams.ToList();
                writer.Write(grams.Count);
                foreach (var gram in grams) writer.Write(gram);
                writer.Write(router.Model.Dimensions);
                foreach (var row in router.Model.Weights)
                    foreach (var w in row) writer.Write(w);
                foreach (var b in router.Model.Biases) writer.Write(b);
                writer.Write(router.Temperature);
                writer.Write(router.CloseMargin);
                writer.Write(router.Figures.Folds);
                writer.Write(router.Figures.Questions);
                writer.Write(router.Figures.RouteAccuracy);
                writer.Write(router.Figures.ExpectedCalibrationError);
            }
            File.Move(partial, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
