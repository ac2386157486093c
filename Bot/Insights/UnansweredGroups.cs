using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Privacy;
using MagLearn.Knowledge;
using MagLearn.Knowledge.Routing;
using MagLearn.Knowledge.Semantic;

namespace MagLearn.Bot.Insights;

/// <summary>
/// Groups the questions the bot could not answer by meaning, with the sentence model the router uses: each group
/// is led by its most asked question and takes every question at least <see cref="SameNeed"/> like the leader.
/// Each group is then set beside the nearest page phrasing or flow trigger, and when that is near enough to be
/// the right home, the group's questions become the lines to add there. Without the model, only questions worded
/// alike (after case and spacing) are grouped, and nothing is suggested.
/// </summary>
public sealed class UnansweredGroups(KnowledgeBase knowledge, FlowCatalog flows)
{
    /// <summary>
    /// Cosine at which two questions ask for the same thing. Questions on one topic sit near 0.6-0.8 with this
    /// model, unrelated ones below 0.4; erring low makes fewer, broader groups, which a person splits more easily
    /// than they join many small ones.
    /// </summary>
    public const float SameNeed = 0.62f;

    /// <summary>
    /// Below this the nearest page or flow is only the least far, not a home for the questions. A question the bot
    /// could not place is far from every phrasing by nature, so the bar sits low; a person reads every suggestion
    /// before it lands in a file, so a weak one costs a glance.
    /// </summary>
    public const float NearEnoughToSuggest = 0.3f;

    /// <summary>Only the most asked distinct questions are grouped: each costs an encoding.</summary>
    public const int MostDistinct = 1_000;

    private const int Examples = 5;

    public IReadOnlyList<UnansweredGroup> Group(IReadOnlyList<string> questions)
    {
        var distinct = questions.GroupBy(QuestionText.Normalise).Where(g => g.Key.Length > 0)
            .Select(g => (Text: g.Key, Count: g.Count())).OrderByDescending(q => q.Count).ThenBy(q => q.Text, StringComparer.Ordinal)
            .Take(MostDistinct).ToList();
        var model = knowledge.Model;
        var semantic = knowledge.IsLoaded ? knowledge.Current.Semantic : null;
        if (model is null || semantic is null)
            return distinct.Select(q => new UnansweredGroup(q.Count, [q.Text], null, null)).ToList();

        var groups = new List<(float[] Leader, List<(string Text, int Count)> Members)>();
        foreach (var question in distinct)
        {
            var vector = model.Messages.Encode(question.Text);
            var home = groups.FirstOrDefault(g => Dot(g.Leader, vector) >= SameNeed);
            if (home.Members is null) groups.Add((vector, [question]));
            else home.Members.Add(question);
        }
        var snapshot = knowledge.Current;
        var outOfScope = snapshot.Training.All.Where(e => e.Label == RouteLabels.Fallback)
            .Select(e => snapshot.ExampleVectors.GetValueOrDefault(e.Text)).OfType<float[]>().ToList();
        return groups.Select(g => Describe(g.Leader, g.Members, semantic, outOfScope)).OrderByDescending(g => g.Count).ToList();
    }

    private UnansweredGroup Describe(float[] leader, List<(string Text, int Count)> members, SemanticIndex semantic, List<float[]> outOfScope)
    {
        var nearest = Nearest(leader, semantic, outOfScope);
        var examples = members.Select(m => m.Text).Take(Examples).ToList();
        var suggestion = nearest is { Kind: not OutOfScope, Score: >= NearEnoughToSuggest } ? Suggest(nearest, members.Select(m => m.Text)) : null;
        return new UnansweredGroup(members.Sum(m => m.Count), examples, nearest, suggestion);
    }

    /// <summary>
    /// The page or flow nearest the group, unless the router's own out-of-scope examples are nearer: then the
    /// fallback was right ("reset my Yahoo password" is near the login flow's triggers, nearer still to the
    /// examples of other products' passwords), and adding the questions to the flow would teach it the wrong thing.
    /// </summary>
    private NearestTarget? Nearest(float[] vector, SemanticIndex semantic, List<float[]> outOfScope)
    {
        var page = semantic.Phrasings.NearestTo(vector).Ranked().FirstOrDefault();
        var flow = semantic.Triggers.NearestTo(vector).Ranked().FirstOrDefault();
        if (page.Owner is null && flow.Owner is null) return null;
        var foreign = outOfScope.Count == 0 ? 0 : outOfScope.Max(v => Dot(v, vector));
        if (foreign > Math.Max(page.Score, flow.Score))
            return new NearestTarget(OutOfScope, RouteTrainingSet.OutOfScopeFile, "The out-of-scope examples", Math.Round(foreign, 3));
        if (flow.Owner is not null && (page.Owner is null || flow.Score >= page.Score))
            return new NearestTarget("flow", flow.Owner, flows.Find(flow.Owner)?.Title ?? flow.Owner, Math.Round(flow.Score, 3));
        var title = knowledge.Current.Library.Find(page.Owner!)?.Title ?? page.Owner!;
        return new NearestTarget("page", page.Owner!, title, Math.Round(page.Score, 3));
    }

    /// <summary>The kind of <see cref="NearestTarget"/> that says the questions are like those the bot should not answer.</summary>
    public const string OutOfScope = "out-of-scope";

    /// <summary>
    /// The group's questions as YAML list items for the page's <c>phrasings</c> or the flow's <c>triggers</c>. A
    /// question with a masked secret in it is left out: it would teach the router the mask.
    /// </summary>
    private ContentSuggestion? Suggest(NearestTarget target, IEnumerable<string> questions)
    {
        var lines = questions.Where(q => !q.Contains(SecretRedactor.Mask, StringComparison.Ordinal)).Take(Examples).Select(q => $"  - {QuestionText.YamlItem(q)}").ToList();
        if (lines.Count == 0) return null;
        if (target.Kind == "flow")
        {
            var file = flows.Find(target.Id)?.File;
            return new ContentSuggestion(file is null ? $"dialogs/{target.Id}.yaml" : $"dialogs/{Path.GetFileName(file)}", "triggers", lines);
        }
        var source = knowledge.Current.Library.Find(target.Id)?.SourceFile;
        return new ContentSuggestion(source is null ? $"content/learn/{target.Id}.md" : $"content/learn/{Path.GetFileName(source)}", "phrasings", lines);
    }

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
