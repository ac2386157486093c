using MagLearn.Knowledge.Semantic;

namespace MagLearn.Tests.Knowledge.Semantic;

/// <summary>The semantic side of the real index: laid out by Lucene document number, exact nearest search.</summary>
public class SemanticIndexTests
{
    [Fact]
    public void Each_document_scores_its_own_heading_highest()
    {
        var snapshot = RealSemanticKnowledge.KnowledgeBase.Current;
        var semantic = snapshot.Semantic!;
        var page = snapshot.Library.Find("billing-support")!;
        var passage = page.Passages[1];
        var (_, heading) = SemanticIndex.PassageTexts(page.Title, passage.Heading, passage.Text);

        var scores = semantic.PassageScores(RealSemanticKnowledge.Model.Encoder.Encode(heading));

        var best = Array.IndexOf(scores, scores.Max());
        Assert.Equal((page.Id, passage.SectionId), (snapshot.Search.Catalog[best].PageId, snapshot.Search.Catalog[best].SectionId));
    }

    [Fact]
    public void Every_document_has_a_score()
    {
        var snapshot = RealSemanticKnowledge.KnowledgeBase.Current;

        var scores = snapshot.Semantic!.PassageScores(RealSemanticKnowledge.Model.Encoder.Encode("invoice"));

        Assert.Equal(snapshot.Index.Reader.MaxDoc, scores.Length);
    }

    [Fact]
    public void The_nearest_trigger_can_leave_out_the_message_itself()
    {
        var triggers = RealSemanticKnowledge.KnowledgeBase.Current.Semantic!.Triggers;
        var (owner, text, vector) = (triggers.OwnerOf(0), triggers.Texts[0], triggers.Vector(0));

        var with = triggers.NearestTo(vector).Ranked().First(t => t.Owner == owner);
        var without = triggers.NearestTo(vector, except: text).Ranked().First(t => t.Owner == owner);

        Assert.Equal(text, with.Text);
        Assert.NotEqual(text, without.Text);
        Assert.True(without.Score < with.Score);
    }
}
