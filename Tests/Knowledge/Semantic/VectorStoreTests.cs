using MagLearn.Knowledge.Semantic;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>The vectors kept on disk per model, so a restart encodes only what is new.</summary>
public sealed class VectorStoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("maglearn-vectors-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void A_restart_on_the_same_texts_encodes_nothing()
    {
        new VectorStore(new CountingEncoder(), folder.FullName).Vectors(["alpha", "beta"]);
        var again = new CountingEncoder();

        new VectorStore(again, folder.FullName).Vectors(["alpha", "beta"]);

        Assert.Equal(0, again.Calls);
    }

    [Fact]
    public void A_restart_gets_back_the_very_vectors_it_kept()
    {
        var first = new VectorStore(new CountingEncoder(), folder.FullName).Vectors(["alpha"]);

        var second = new VectorStore(new CountingEncoder(), folder.FullName).Vectors(["alpha"]);

        Assert.Equal(first[0], second[0]);
    }

    [Fact]
    public void A_changed_text_is_encoded_and_the_unchanged_ones_are_not()
    {
        new VectorStore(new CountingEncoder(), folder.FullName).Vectors(["alpha", "beta"]);
        var again = new CountingEncoder();

        var store = new VectorStore(again, folder.FullName);
        store.Vectors(["alpha", "beta, edited"]);

        Assert.Equal(1, again.Calls);
        Assert.Equal(1, store.LastEncoded);
    }

    [Fact]
    public void Another_model_never_reads_this_models_vectors()
    {
        new VectorStore(new CountingEncoder("model-a"), folder.FullName).Vectors(["alpha"]);
        var other = new CountingEncoder("model-b");

        new VectorStore(other, folder.FullName).Vectors(["alpha"]);

        Assert.Equal(1, other.Calls);
    }

    [Fact]
    public void Texts_no_longer_in_the_content_are_dropped_from_the_file()
    {
        new VectorStore(new CountingEncoder(), folder.FullName).Vectors(["alpha", "beta"]);
        new VectorStore(new CountingEncoder(), folder.FullName).Vectors(["alpha"]);

        Assert.Equal(1, new VectorStore(new CountingEncoder(), folder.FullName).Count);
    }

    [Fact]
    public void A_damaged_file_is_read_as_empty_and_everything_is_encoded_again()
    {
        new VectorStore(new CountingEncoder(), folder.FullName).Vectors(["alpha", "beta"]);
        var file = Assert.Single(folder.GetFiles("*.vectors"));
        File.WriteAllBytes(file.FullName, File.ReadAllBytes(file.FullName)[..20]);
        var again = new CountingEncoder();

        var vectors = new VectorStore(again, folder.FullName).Vectors(["alpha", "beta"]);

        Assert.Equal(2, again.Calls);
        Assert.All(vectors, v => Assert.Equal(8, v.Length));
    }

    [Fact]
    public void Without_a_folder_nothing_is_written()
    {
        new VectorStore(new CountingEncoder(), folder: null).Vectors(["alpha"]);

        Assert.Empty(folder.GetFiles());
    }
}
