using System.Security.Cryptography;
using System.Text;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// The vectors of every text an index was built from, kept on disk per model and keyed by a hash of the text, so a
/// restart (or a content change that touches one page) encodes only what is new. One file per model: a vector from
/// another model is never read as this one's. Without a folder the store lives in memory only.
/// </summary>
public sealed class VectorStore
{
    private const string Magic = "MLVEC1";

    private readonly ISentenceEncoder encoder;
    private readonly string? file;
    private readonly object gate = new();
    private Dictionary<UInt128, float[]> vectors = new();

    public VectorStore(ISentenceEncoder encoder, string? folder)
    {
        this.encoder = encoder;
        if (folder is null) return;
        file = Path.Combine(folder, $"{encoder.ModelId}.vectors");
        vectors = Read(file, encoder.Dimensions);
    }

    public int Count
    {
        get { lock (gate) return vectors.Count; }
    }

    /// <summary>How many texts the last <see cref="Vectors"/> call had to encode.</summary>
    public int LastEncoded { get; private set; }

    /// <summary>
    /// The vector of each text, in order, encoding the ones not seen before (on every core: this is start-up or
    /// a rebuild, not a turn). The file is then rewritten to hold exactly these texts, so vectors of content that
    /// is gone do not pile up.
    /// </summary>
    public float[][] Vectors(IReadOnlyList<string> texts)
    {
        var keys = texts.Select(Key).ToArray();
        var result = new float[texts.Count][];
        List<int> missing = [];
        lock (gate)
        {
            for (var i = 0; i < texts.Count; i++)
                if (vectors.TryGetValue(keys[i], out var known)) result[i] = known;
                else missing.Add(i);
        }
        Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => result[i] = encoder.Encode(texts[i]));
        LastEncoded = missing.Count;

        var kept = new Dictionary<UInt128, float[]>(texts.Count);
        for (var i = 0; i < texts.Count; i++) kept[keys[i]] = result[i];
        lock (gate)
        {
            var changed = missing.Count > 0 || kept.Count != vectors.Count;
            vectors = kept;
            if (changed && file is not null) Write(file, kept, encoder.Dimensions);
        }
        return result;
    }

    private static UInt128 Key(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BitConverter.ToUInt128(hash);
    }

    /// <summary>A file that is missing, of another shape or cut short reads as empty: its vectors are encoded again.</summary>
    private static Dictionary<UInt128, float[]> Read(string file, int dimensions)
    {
        var found = new Dictionary<UInt128, float[]>();
        if (!File.Exists(file)) return found;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(file));
            if (reader.ReadString() != Magic || reader.ReadInt32() != dimensions) return found;
            var count = reader.ReadInt32();
            var bytes = new byte[dimensions * sizeof(float)];
            for (var i = 0; i < count; i++)
            {
                var key = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
                reader.BaseStream.ReadExactly(bytes);
                var vector = new float[dimensions];
                Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
                found[key] = vector;
            }
            return found;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<UInt128, float[]>();
        }
    }

    /// <summary>Written beside and renamed over: a reader never sees half a file.</summary>
    private static void Write(string file, Dictionary<UInt128, float[]> vectors, int dimensions)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var partial = $"{file}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.partial";
            using (var writer = new BinaryWriter(File.Create(partial)))
            {
                writer.Write(Magic);
                writer.Write(dimensions);
                writer.Write(vectors.Count);
                var bytes = new byte[dimensions * sizeof(float)];
                foreach (var (key, vector) in vectors)
                {
                    writer.Write((ulong)(key >> 64));
                    writer.Write((ulong)key);
                    Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
                    writer.Write(bytes);
                }
            }
            File.Move(partial, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only disk only costs the next start its encoding time.
        }
    }
}
