using System.Numerics.Tensors;
using MagLearn.Knowledge.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>The 8-bit model made from the full one: smaller, and its vectors point where the full model's do.</summary>
public class ModelQuantizerTests
{
    private static readonly Lazy<(SentenceModelFiles Full, SentenceModelFiles Quantized)> Files = new(() =>
    {
        var unpack = Path.Combine(RealSemanticKnowledge.CacheFolder, "models");
        return (SentenceModelFiles.Locate(RealSemanticKnowledge.PackagedModel, unpack, quantized: false),
                SentenceModelFiles.Locate(RealSemanticKnowledge.PackagedModel, unpack, quantized: true));
    });

    [Fact]
    public void The_quantized_model_is_a_separate_smaller_file_with_its_own_id()
    {
        var (full, quantized) = Files.Value;

        Assert.NotEqual(full.ModelId, quantized.ModelId);
        Assert.True(new FileInfo(quantized.OnnxFile).Length < new FileInfo(full.OnnxFile).Length * 0.7);
    }

    [Theory]
    [InlineData("I forgot my exostar password and the reset email never came")]
    [InlineData("what payment methods can we use for an invoice?")]
    [InlineData("how do I change our organization administrator")]
    public void Both_models_give_nearly_the_same_vector(string text)
    {
        var (full, quantized) = Files.Value;
        using var fullEncoder = new OnnxSentenceEncoder(full, threads: 1);

        var agreement = TensorPrimitives.Dot(fullEncoder.Encode(text), RealSemanticKnowledge.Model.Encoder.Encode(text));

        Assert.True(agreement > 0.97, $"cosine {agreement:0.000}");
    }

    [Fact]
    public void A_file_that_is_no_model_is_refused_with_the_reason()
    {
        var folder = Directory.CreateTempSubdirectory("maglearn-model-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "model.onnx"), "not a model");
            File.WriteAllText(Path.Combine(folder.FullName, "vocab.txt"), "[PAD]\n[UNK]\n");

            var model = SentenceModel.TryLoad(folder.FullName, folder.FullName, 1, quantized: true, NullLogger.Instance, out var problem);

            Assert.Null(model);
            Assert.False(string.IsNullOrWhiteSpace(problem));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_model_is_refused_with_the_path_it_looked_at()
    {
        var model = SentenceModel.TryLoad("/nowhere/model.dll", Path.GetTempPath(), 1, quantized: true, NullLogger.Instance, out var problem);

        Assert.Null(model);
        Assert.Contains("/nowhere/model.dll", problem);
    }
}
