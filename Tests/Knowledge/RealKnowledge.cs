using MagLearn.Knowledge;
using MagLearn.Knowledge.Answers;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge;

/// <summary>The repository's content folder, loaded once for every test that asks it real questions.</summary>
internal static class RealKnowledge
{
    private static readonly Lazy<KnowledgeBase> Base = new(() =>
    {
        var knowledge = new KnowledgeBase(RepoPaths.Content);
        knowledge.Reload();
        return knowledge;
    });

    public static KnowledgeBase KnowledgeBase => Base.Value;

    public static AskRouter Router { get; } = new(KnowledgeBase);
}
