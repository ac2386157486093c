using MagLearn.Knowledge.Routing;

namespace MagLearn.Tests.Knowledge.Routing;

/// <summary>Each route's nearest example to a message, as the router reads it.</summary>
public class ExampleBankTests
{
    private static readonly Dictionary<string, float[]> Vectors = new()
    {
        ["reset my mag password"] = [1, 0, 0],
        ["mag password forgotten"] = [0.9f, 0.436f, 0],
        ["reset my netflix password"] = [0.6f, 0, 0.8f],
    };

    private static ExampleBank Bank() => ExampleBank.Of(
    [
        new RouteExample("reset my mag password", RouteLabels.Dialog("login"), RouteExampleSource.Trigger),
        new RouteExample("mag password forgotten", RouteLabels.Dialog("login"), RouteExampleSource.Labeled),
        new RouteExample("reset my netflix password", RouteLabels.Fallback, RouteExampleSource.OutOfScope),
        new RouteExample("an example whose encoding failed", RouteLabels.Answer, RouteExampleSource.Phrasing),
    ], text => Vectors.GetValueOrDefault(text), dimensions: 3);

    [Fact]
    public void Each_route_is_as_near_as_its_nearest_example()
    {
        var nearest = Bank().NearestTo([1, 0, 0], "a new message");

        Assert.Equal(1f, nearest.ScoreOf(RouteLabels.Dialog("login")), 2);
        Assert.Equal(0.6f, nearest.ScoreOf(RouteLabels.Fallback), 2);
    }

    [Fact]
    public void An_example_is_not_its_own_nearest_neighbour()
    {
        // Training reads each example as a new message would meet the bank: without itself.
        var nearest = Bank().NearestTo([1, 0, 0], "reset my mag password");

        Assert.Equal(0.9f, nearest.ScoreOf(RouteLabels.Dialog("login")), 2);
    }

    [Fact]
    public void An_example_without_a_vector_is_left_out_and_its_route_scores_nothing()
    {
        var nearest = Bank().NearestTo([1, 0, 0], "a new message");

        Assert.Equal(0f, nearest.ScoreOf(RouteLabels.Answer));
    }
}
