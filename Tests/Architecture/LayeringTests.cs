using System.Reflection;
using System.Text.RegularExpressions;
using MagLearn.Bot.Conversation;
using MagLearn.Knowledge;
using NetArchTest.Rules;

namespace MagLearn.Tests.Architecture;

/// <summary>
/// The rules the folders' READMEs state, held against the compiled code: the brain uses no bot SDK, the flow engine
/// knows nothing of the bot above it, and no folder depends on itself through another (each folder is a namespace).
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Bot = typeof(MagLearnBot).Assembly;
    private static readonly Assembly Knowledge = typeof(KnowledgeBase).Assembly;

    [Theory]
    [InlineData("Microsoft.Bot")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Newtonsoft.Json")]
    public void The_knowledge_uses_no_bot_sdk_and_no_web_host(string sdk)
    {
        var result = Types.InAssembly(Knowledge).Should().NotHaveDependencyOn(sdk).GetResult();

        Assert.True(result.IsSuccessful, $"{sdk} is used by {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [InlineData("MagLearn.Bot.Flows.Engine", "MagLearn.Bot.Conversation")]
    [InlineData("MagLearn.Bot.Flows.Engine", "MagLearn.Bot.Flows")]
    [InlineData("MagLearn.Bot.Flows.Engine", "Microsoft.Bot")]
    [InlineData("MagLearn.Bot.Flows.Definition", "MagLearn.Bot.Flows.Engine")]
    [InlineData("MagLearn.Bot.Channels.Teams", "MagLearn.Bot.Conversation")]
    [InlineData("MagLearn.Bot.Channels.DirectLine", "MagLearn.Bot.Channels.WebChat")]
    public void A_lower_folder_does_not_reach_up(string folder, string above)
    {
        Assert.Empty(Dependents(folder, above));
    }

    [Fact]
    public void No_folder_of_the_bot_depends_on_itself_through_others()
    {
        Assert.Equal([], Cycles(Bot, "MagLearn.Bot"));
    }

    [Fact]
    public void No_folder_of_the_knowledge_depends_on_itself_through_others()
    {
        Assert.Equal([], Cycles(Knowledge, "MagLearn.Knowledge"));
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle_where_there_is_one()
    {
        // Conversation uses Flows (the runner) and Flows uses Flows.Definition: adding the way back closes a loop.
        var graph = Graph(Bot, "MagLearn.Bot");
        graph["MagLearn.Bot.Flows.Definition"].Add("MagLearn.Bot.Conversation");

        Assert.NotEmpty(CyclesIn(graph));
    }

    /// <summary>Types of <paramref name="folder"/> itself (not its sub-folders) that use a type of <paramref name="other"/> itself.</summary>
    private static IReadOnlyList<string> Dependents(string folder, string other)
    {
        var assembly = other.StartsWith("Microsoft.", StringComparison.Ordinal) ? null : Bot;
        var targets = assembly is null
            ? [other]
            : assembly.GetTypes().Where(t => t.Namespace == other).Select(t => t.FullName!).ToArray();
        if (targets.Length == 0) return [];
        var result = Types.InAssembly(Bot).That().ResideInNamespaceMatching($"^{Regex.Escape(folder)}$")
            .ShouldNot().HaveDependencyOnAny(targets).GetResult();
        return result.FailingTypeNames?.ToList() ?? [];
    }

    /// <summary>Which folder (namespace) uses which, read from the compiled types.</summary>
    private static Dictionary<string, HashSet<string>> Graph(Assembly assembly, string root)
    {
        var folders = assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(root + ".", StringComparison.Ordinal)).ToHashSet();
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var folder in folders)
        {
            foreach (var other in folders.Where(o => o != folder))
            {
                var targets = assembly.GetTypes().Where(t => t.Namespace == other).Select(t => t.FullName!).ToArray();
                var uses = !Types.InAssembly(assembly).That().ResideInNamespaceMatching($"^{Regex.Escape(folder)}$")
                    .ShouldNot().HaveDependencyOnAny(targets).GetResult().IsSuccessful;
                if (uses) graph[folder].Add(other);
            }
        }
        return graph;
    }

    private static List<string> Cycles(Assembly assembly, string root) => CyclesIn(Graph(assembly, root));

    /// <summary>Every group of folders that reach each other (strongly connected components of two or more), as text.</summary>
    private static List<string> CyclesIn(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<string>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string top;
            do
            {
                top = stack.Pop();
                onStack.Remove(top);
                component.Add(top);
            } while (top != v);
            if (component.Count > 1) found.Add(string.Join(" <-> ", component.Order()));
        }
        foreach (var v in graph.Keys.Order()) if (!index.ContainsKey(v)) Visit(v);
        return found;
    }
}
