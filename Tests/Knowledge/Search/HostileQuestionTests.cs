using MagLearn.Knowledge.Answers;
using MagLearn.Knowledge.Search;

namespace MagLearn.Tests.Knowledge.Search;

/// <summary>User text never reaches a parser unescaped: any input gives results or none, never an exception.</summary>
public class HostileQuestionTests
{
    private static QuestionSearch Search => RealKnowledge.KnowledgeBase.Current.Search;

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public void Search_gives_results_or_none_with_scores_in_0_to_1(string input)
    {
        var result = Search.Search(HostileInputs.Text(input), 5);

        Assert.InRange(result.Hits.Count, 0, 5);
        Assert.All(result.Hits, hit => Assert.InRange(hit.Score, 0, 1));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public void The_router_decides_with_a_confidence_in_0_to_1(string input)
    {
        var result = RealKnowledge.Router.Ask(HostileInputs.Text(input));

        Assert.True(Enum.IsDefined(result.Route));
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public void The_router_ranks_any_answers_best_first_with_scores_in_0_to_1(string input)
    {
        var answers = RealKnowledge.Router.Ask(HostileInputs.Text(input), AskRouter.MaxTop).Answers;

        Assert.All(answers, a => Assert.InRange(a.Score, 0, 1));
        Assert.Equal(answers.Select(a => a.Score).OrderDescending(), answers.Select(a => a.Score));
        Assert.All(answers, a => Assert.Equal($"/learn/{a.Page}#{a.Section}", a.Url));
    }

    [Fact]
    public void Query_syntax_around_a_question_is_just_punctuation()
    {
        static List<string> Ranked(string q) => Search.Search(q, 5).Hits.Select(h => $"{h.PageId}#{h.SectionId}").ToList();

        var plain = Ranked("forgot my password");

        Assert.Equal("login-assistance#forgot-password", plain.FirstOrDefault());
        Assert.Equal(plain, Ranked("+forgot* \"my password\"~ ((( ]]] ^ - !"));
    }

    [Fact]
    public void A_question_past_the_length_limit_is_read_from_its_start()
    {
        var flood = "how do I pay an invoice " + new string('z', 3 * QuestionSearch.MaxQuestionLength);

        Assert.Equal("billing-support", Search.Search(flood, 1).Hits.FirstOrDefault()?.PageId);
    }
}
