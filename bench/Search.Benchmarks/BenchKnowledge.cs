using MagLearn.Bot.Flows.Definition;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Content;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagLearn.Benchmarks;

/// <summary>
/// The bot's knowledge over a grown corpus, as the bot builds it: the real flows, the routing examples, the real
/// sentence model (8-bit, as deployed) for the real content and every question. Generated passages and phrasings
/// get a vector drawn from their text's hash instead of the model's: encoding 300k made-up texts would take hours,
/// and exact search costs the same whatever the vectors hold.
/// </summary>
public static class BenchKnowledge
{
    private static readonly Lazy<SentenceModel> Model = new(() =>
        SentenceModel.TryLoad(Path.Combine(AppContext.BaseDirectory, SentenceModelFiles.DefaultPackagedModel),
            Path.Combine(Questions.RepoRoot, "data", "semantic"), threads: 1, quantized: true, NullLogger.Instance, out var problem)
        ?? throw new InvalidOperationException("the sentence model did not load: " + problem));

    public static SentenceModel RealModel => Model.Value;

    public static (KnowledgeBase Knowledge, AskRouter Router) Build(LearnLibrary real, LearnLibrary grown, MagLearn.Knowledge.Analysis.LanguageResources language, bool semantic = true)
    {
        var flows = FlowCatalog.Load(Path.Combine(Questions.RepoRoot, "dialogs"), real).Documents().ToList();
        var training = RouteTrainingSet.Load(Questions.ContentFolder, real, flows);
        SentenceModel? model = null;
        if (semantic)
        {
            var generated = new HashSet<string>(StringComparer.Ordinal);
            foreach (var page in grown.Pages.Where(p => !real.Pages.Contains(p)))
            {
                generated.UnionWith(page.Phrasings);
                foreach (var passage in page.Passages)
                {
                    var (full, heading) = SemanticIndex.PassageTexts(page.Title, passage.Heading, passage.Text);
                    generated.Add(full);
                    generated.Add(heading);
                }
            }
            model = new SentenceModel(new GeneratedVectors(Model.Value.Encoder, generated), cacheFolder: null);
        }
        var knowledge = new KnowledgeBase(grown, language, flows, training, model);
        return (knowledge, new AskRouter(knowledge));
    }

    /// <summary>The real encoder, but for generated texts: a unit vector seeded by the text.</summary>
    private sealed class GeneratedVectors(ISentenceEncoder real, IReadOnlySet<string> generated) : ISentenceEncoder
    {
        public string ModelId => real.ModelId;
        public int Dimensions => real.Dimensions;

        public float[] Encode(string text)
        {
            if (!generated.Contains(text)) return real.Encode(text);
            var random = new Random(StringComparer.Ordinal.GetHashCode(text));
            var vector = new float[Dimensions];
            for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() - 0.5);
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, System.Numerics.Tensors.TensorPrimitives.Norm(vector), vector);
            return vector;
        }
    }
}
