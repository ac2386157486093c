using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Tests.Knowledge.Routing;

/// <summary>Trained routers kept on disk: a restart on the same content trains nothing.</summary>
public sealed class RouterCacheTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("maglearn-routers-");

    public void Dispose() => folder.Delete(recursive: true);

    private static readonly RouteTrainingSet Set = new(
        [RouteLabels.Answer, RouteLabels.Dialog("login"), RouteLabels.Fallback],
        [
            new("I forgot my password", RouteLabels.Dialog("login"), RouteExampleSource.Trigger),
            new("I cannot log in", RouteLabels.Dialog("login"), RouteExampleSource.Trigger),
            new("what is an invoice", RouteLabels.Answer, RouteExampleSource.Phrasing),
            new("tell me a joke", RouteLabels.Fallback, RouteExampleSource.OutOfScope),
        ],
        []);

    private static RouteClassifier Train()
    {
        var grams = WordGrams.Learn(Set.All.Select(e => e.Text));
        var features = new RouteFeatures(RouteEvidence.Words, Set.Labels, null, grams, examples: null);
        var model = new RouteModel(Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, features.Count).Select(j => (float)(c + j)).ToArray()).ToArray(), [0.1f, 0.2f, 0.3f], 1.4);
        return new RouteClassifier(Set.Labels, features, model, 0.12, new RouterFigures(5, 40, 0.9, 0.05));
    }

    private RouteClassifier GetOrTrain(string key, Action trained) =>
        RouterCache.GetOrTrain(folder.FullName, key, RouteEvidence.Words, Set.Labels, semantic: null, examples: null, () =>
        {
            trained();
            return Train();
        });

    [Fact]
    public void The_second_start_loads_the_router_instead_of_training_it()
    {
        var trainings = 0;
        GetOrTrain("same", () => trainings++);

        GetOrTrain("same", () => trainings++);

        Assert.Equal(1, trainings);
    }

    [Fact]
    public void A_loaded_router_is_the_router_that_was_kept()
    {
        var kept = GetOrTrain("same", () => { });

        var loaded = GetOrTrain("same", () => { });

        Assert.Equal(kept.Model.Weights.SelectMany(r => r), loaded.Model.Weights.SelectMany(r => r));
        Assert.Equal((kept.Temperature, kept.CloseMargin, kept.Figures), (loaded.Temperature, loaded.CloseMargin, loaded.Figures));
        Assert.Equal(kept.Features.Grams.Grams, loaded.Features.Grams.Grams);
    }

    [Fact]
    public void Other_examples_make_another_key()
    {
        var other = Set with { Written = [.. Set.Written, new RouteExample("my token is locked", RouteLabels.Dialog("login"), RouteExampleSource.Trigger)] };

        Assert.NotEqual(
            RouterCache.KeyOf(Set, RouteEvidence.Words, "index-1", null, new RouteModel.Settings()),
            RouterCache.KeyOf(other, RouteEvidence.Words, "index-1", null, new RouteModel.Settings()));
    }

    [Fact]
    public void Another_index_or_model_makes_another_key()
    {
        var key = RouterCache.KeyOf(Set, RouteEvidence.Words, "index-1", null, new RouteModel.Settings());

        Assert.NotEqual(key, RouterCache.KeyOf(Set, RouteEvidence.Words, "index-2", null, new RouteModel.Settings()));
        Assert.NotEqual(key, RouterCache.KeyOf(Set, RouteEvidence.Words, "index-1", "model-b", new RouteModel.Settings()));
    }

    [Fact]
    public void A_damaged_file_is_trained_over()
    {
        GetOrTrain("damaged", () => { });
        var file = Assert.Single(folder.GetFiles("router-damaged.bin"));
        File.WriteAllBytes(file.FullName, File.ReadAllBytes(file.FullName)[..30]);
        var trainings = 0;

        GetOrTrain("damaged", () => trainings++);

        Assert.Equal(1, trainings);
    }
}
