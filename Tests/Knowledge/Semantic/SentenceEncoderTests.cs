using System.Numerics.Tensors;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>The sentence model as the bot runs it (8-bit weights, ONNX Runtime in process).</summary>
public class SentenceEncoderTests
{
    private static ISentenceEncoder Encoder => RealSemanticKnowledge.Model.Encoder;

    [Fact]
    public void A_vector_has_the_model_width_and_length_one()
    {
        var vector = Encoder.Encode("I forgot my password");

        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(vector), 3);
    }

    [Fact]
    public void A_rewording_is_nearer_than_another_topic()
    {
        var asked = Encoder.Encode("how do I pay an invoice");

        var reworded = TensorPrimitives.Dot(asked, Encoder.Encode("where can I settle our bill"));
        var other = TensorPrimitives.Dot(asked, Encoder.Encode("my security questions are wrong"));

        Assert.True(reworded > other + 0.1, $"reworded {reworded:0.000}, other topic {other:0.000}");
    }

    [Fact]
    public void Text_past_the_token_limit_is_cut_at_the_limit_not_refused()
    {
        // "password" is one token: the model reads the start token, 254 of them and the end token, and no more.
        var atTheLimit = string.Join(' ', Enumerable.Repeat("password", OnnxSentenceEncoder.MaxTokens - 2));
        var farPast = string.Join(' ', Enumerable.Repeat("password", 5000));

        Assert.Equal(Encoder.Encode(atTheLimit), Encoder.Encode(farPast));
    }

    [Fact]
    public void The_same_text_always_gets_the_same_vector()
    {
        Assert.Equal(Encoder.Encode("my token is locked"), Encoder.Encode("my token is locked"));
    }

    [Fact]
    public void The_model_id_says_it_runs_with_8_bit_weights()
    {
        Assert.EndsWith("-int8", Encoder.ModelId);
    }
}
