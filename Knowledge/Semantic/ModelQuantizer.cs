using Google.Protobuf;
using Onnx;

namespace MagLearn.Knowledge.Semantic;

/// <summary>
/// Rewrites the model so its 36 weight matrices are 8-bit: each <c>MatMul</c> by a constant weight becomes ONNX
/// Runtime's <c>DynamicQuantizeMatMul</c> over the weight quantized per output column (symmetric, zero point 0),
/// the activations quantized on the fly. What ONNX Runtime's own Python quantizer does for BERT models, done here
/// because no Python runs on the bot's hosts. On these processors (AVX-512 VNNI) a message encodes three times
/// faster, and the vectors keep a cosine of 0.99 to the full-precision ones (docs/benchmarks.md, "Encoder").
/// </summary>
public static class ModelQuantizer
{
    private const string Domain = "com.microsoft";

    /// <summary>Writes the quantized model; returns how many matrices it quantized.</summary>
    public static int Quantize(string source, string target)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(source));
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.OpType != "MatMul" || !initializers.TryGetValue(node.Input[1], out var weight) || weight.Dims.Count != 2 ||
                weight.DataType != (int)TensorProto.Types.DataType.Float) continue;
            var (quantized, scales) = QuantizeColumns(weight);
            graph.Initializer.Add(quantized);
            graph.Initializer.Add(scales);
            graph.Initializer.Add(ZeroPoints(weight.Name + "_zero", (int)weight.Dims[1]));
            var rewritten = new NodeProto { OpType = "DynamicQuantizeMatMul", Domain = Domain, Name = node.Name + "_int8" };
            rewritten.Input.Add(node.Input[0]);
            rewritten.Input.Add(quantized.Name);
            rewritten.Input.Add(scales.Name);
            rewritten.Input.Add(weight.Name + "_zero");
            rewritten.Output.Add(node.Output);
            graph.Node[i] = rewritten;
            replaced.Add(weight.Name);
        }
        if (replaced.Count == 0) throw new InvalidDataException($"{source} has no constant matrix products to quantize");
        var stillRead = graph.Node.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        foreach (var name in replaced.Where(n => !stillRead.Contains(n))) graph.Initializer.Remove(initializers[name]);
        if (model.OpsetImport.All(o => o.Domain != Domain)) model.OpsetImport.Add(new OperatorSetIdProto { Domain = Domain, Version = 1 });

        var partial = $"{target}.{Environment.ProcessId}.partial";
        File.WriteAllBytes(partial, model.ToByteArray());
        File.Move(partial, target, overwrite: true);
        return replaced.Count;
    }

    private static (TensorProto Quantized, TensorProto Scales) QuantizeColumns(TensorProto weight)
    {
        var rows = (int)weight.Dims[0];
        var columns = (int)weight.Dims[1];
        var values = Floats(weight, rows * columns);
        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                scales[c] = Math.Max(scales[c], Math.Abs(values[r * columns + c]));
        for (var c = 0; c < columns; c++) scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        var bytes = new byte[rows * columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                bytes[r * columns + c] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(values[r * columns + c] / scales[c]), -127, 127));

        var quantized = new TensorProto { Name = weight.Name + "_int8", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(bytes) };
        quantized.Dims.Add(rows);
        quantized.Dims.Add(columns);
        var scaleTensor = new TensorProto { Name = weight.Name + "_scale", DataType = (int)TensorProto.Types.DataType.Float };
        scaleTensor.Dims.Add(columns);
        scaleTensor.FloatData.Add(scales);
        return (quantized, scaleTensor);
    }

    private static TensorProto ZeroPoints(string name, int columns)
    {
        var zero = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(new byte[columns]) };
        zero.Dims.Add(columns);
        return zero;
    }

    private static float[] Floats(TensorProto tensor, int count)
    {
        if (tensor.FloatData.Count == count) return [.. tensor.FloatData];
        if (tensor.RawData.Length != count * sizeof(float)) throw new InvalidDataException($"weight {tensor.Name} holds {tensor.RawData.Length} bytes, not {count} floats");
        var values = new float[count];
        Buffer.BlockCopy(tensor.RawData.ToByteArray(), 0, values, 0, tensor.RawData.Length);
        return values;
    }
}
