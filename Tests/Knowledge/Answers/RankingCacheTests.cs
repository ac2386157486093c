using MagLearn.Knowledge.Answers;

namespace MagLearn.Tests.Knowledge.Answers;

/// <summary>The fitted passage ranking kept between starts, as the routers are.</summary>
public sealed class RankingCacheTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("maglearn-ranking-");
    private int fits;

    public void Dispose() => folder.Delete(recursive: true);

    private PassageRanking GetOrFit(string key) => RankingCache.GetOrFit(folder.FullName, key, () =>
    {
        fits++;
        return new PassageRanking(0.6, 0.07);
    });

    [Fact]
    public void The_second_start_reads_the_ranking_instead_of_fitting_it()
    {
        var first = GetOrFit("same");
        var second = GetOrFit("same");

        Assert.Equal(1, fits);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_key_is_fitted_anew()
    {
        GetOrFit("one");
        GetOrFit("other");

        Assert.Equal(2, fits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ranking-1\nReciprocalRank\nnot a number\n0.07")]
    [InlineData("ranking-1\nReciprocalRank\n7\n0.07")]
    [InlineData("ranking-0\nReciprocalRank\n0.6\n0.07")]
    public void A_damaged_or_older_file_is_fitted_again(string content)
    {
        File.WriteAllText(Path.Combine(folder.FullName, "ranking-damaged.txt"), content);

        var ranking = GetOrFit("damaged");

        Assert.Equal(1, fits);
        Assert.Equal(new PassageRanking(0.6, 0.07), ranking);
    }

    [Fact]
    public void Without_a_folder_it_fits_every_time()
    {
        RankingCache.GetOrFit(null, "k", () => { fits++; return PassageRanking.Default; });
        RankingCache.GetOrFit(null, "k", () => { fits++; return PassageRanking.Default; });

        Assert.Equal(2, fits);
    }
}
