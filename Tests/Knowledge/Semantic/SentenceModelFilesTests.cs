using System.Security.Cryptography;
using System.Text;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>The model's id: a fingerprint of its file, hashed once and kept, hashed again when the file changes.</summary>
public sealed class SentenceModelFilesTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("maglearn-modelfiles-");
    private string ModelFolder => Path.Combine(root.FullName, "my-model");
    private string Unpack => Path.Combine(root.FullName, "unpack");
    private string Memo => Path.Combine(Unpack, "fingerprints.txt");

    public SentenceModelFilesTests()
    {
        Directory.CreateDirectory(ModelFolder);
        File.WriteAllText(Path.Combine(ModelFolder, "model.onnx"), "weights, first build");
        File.WriteAllText(Path.Combine(ModelFolder, "vocab.txt"), "[PAD]\n");
    }

    public void Dispose() => root.Delete(recursive: true);

    private string Id() => SentenceModelFiles.Locate(ModelFolder, Unpack, quantized: false).ModelId;

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    [Fact]
    public void The_id_is_the_folder_name_and_the_first_bytes_of_the_models_hash()
    {
        Assert.Equal($"my-model-{Sha("weights, first build")}", Id());
    }

    [Fact]
    public void A_second_start_reads_the_kept_fingerprint_instead_of_hashing()
    {
        Id();
        // Proof that the kept line is what is read: a different fingerprint written in it is the id now.
        File.WriteAllText(Memo, File.ReadAllText(Memo).Replace(Sha("weights, first build"), "0123456789ab"));

        Assert.Equal("my-model-0123456789ab", Id());
    }

    [Fact]
    public void A_changed_model_file_is_hashed_again()
    {
        Id();
        File.WriteAllText(Path.Combine(ModelFolder, "model.onnx"), "weights, second build, longer");

        Assert.Equal($"my-model-{Sha("weights, second build, longer")}", Id());
        Assert.Single(File.ReadAllLines(Memo));
    }

    [Fact]
    public void An_unreadable_memo_only_costs_the_hash()
    {
        Directory.CreateDirectory(Memo);

        Assert.Equal($"my-model-{Sha("weights, first build")}", Id());
    }
}
