using MagLearn.Knowledge.Routing;

namespace MagLearn.Tests.Knowledge.Routing;

/// <summary>The logistic regression under the router, on problems small enough to know the answer to.</summary>
public class RouteModelTests
{
    private static (List<float[]> X, List<int> Y) TwoClusters()
    {
        var random = new Random(5);
        var x = new List<float[]>();
        var y = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            var label = i % 3;
            x.Add([label == 0 ? 1f : 0f, label == 1 ? 1f : 0f, label == 2 ? 1f : 0f, (float)random.NextDouble() * 0.3f]);
            y.Add(label);
        }
        return (x, y);
    }

    [Fact]
    public void It_learns_which_feature_marks_which_route()
    {
        var (x, y) = TwoClusters();

        var model = RouteModel.Train(x, y, x.Select(_ => 1f).ToList(), 3, new RouteModel.Settings());

        for (var label = 0; label < 3; label++)
        {
            var probabilities = model.Probabilities(x[y.IndexOf(label)]);
            Assert.Equal(label, Array.IndexOf(probabilities, probabilities.Max()));
        }
    }

    [Fact]
    public void Its_probabilities_add_up_to_one()
    {
        var (x, y) = TwoClusters();
        var model = RouteModel.Train(x, y, x.Select(_ => 1f).ToList(), 3, new RouteModel.Settings(Epochs: 50));

        Assert.Equal(1.0, model.Probabilities(new float[] { 0.2f, 0.5f, 0.1f, 0.9f }).Sum(), 6);
    }

    [Fact]
    public void The_same_examples_train_the_same_model()
    {
        var (x, y) = TwoClusters();
        var weights = x.Select(_ => 1f).ToList();

        var first = RouteModel.Train(x, y, weights, 3, new RouteModel.Settings(Epochs: 80));
        var second = RouteModel.Train(x, y, weights, 3, new RouteModel.Settings(Epochs: 80));

        Assert.Equal(first.Weights.SelectMany(r => r), second.Weights.SelectMany(r => r));
    }

    [Fact]
    public void A_higher_temperature_makes_the_model_less_sure_without_changing_its_choice()
    {
        var (x, y) = TwoClusters();
        var model = RouteModel.Train(x, y, x.Select(_ => 1f).ToList(), 3, new RouteModel.Settings());

        var sure = model.Probabilities(x[0]);
        var cooler = model.WithTemperature(3).Probabilities(x[0]);

        Assert.Equal(Array.IndexOf(sure, sure.Max()), Array.IndexOf(cooler, cooler.Max()));
        Assert.True(cooler.Max() < sure.Max());
    }

    [Fact]
    public void A_class_left_unread_on_some_features_keeps_zero_weight_on_them_and_learns_the_rest()
    {
        var (x, y) = TwoClusters();

        var model = RouteModel.Train(x, y, x.Select(_ => 1f).ToList(), 3, new RouteModel.Settings(), new RouteModel.Unread(Class: 2, From: 2, To: 4));

        Assert.Equal([0f, 0f], model.Weights[2][2..4]);
        Assert.NotEqual(0f, model.Weights[1][2]);
        // Class 2 is still told apart, by the features it does read (the other classes' markers being absent).
        var probabilities = model.Probabilities(x[y.IndexOf(2)]);
        Assert.Equal(2, Array.IndexOf(probabilities, probabilities.Max()));
    }

    [Fact]
    public void An_example_that_weighs_more_pulls_the_boundary_its_way()
    {
        // Two identical inputs with opposite labels: the heavier one wins.
        List<float[]> x = [[1f], [1f]];
        List<int> y = [0, 1];

        var model = RouteModel.Train(x, y, [1f, 3f], 2, new RouteModel.Settings());

        Assert.True(model.Probabilities(new float[] { 1f })[1] > 0.6);
    }
}
