using MagLearn.Knowledge.Answers;

namespace MagLearn.Bot.Flows.Engine;

/// <summary>
/// What the engine asks about a message that is not an answer to the current question: is it a question the
/// Learn content answers, another flow, or nothing? In the host this is the <see cref="AskRouter"/> itself.
/// </summary>
public interface IQuestionRouter
{
    AskResult Ask(string text);
}

/// <summary>The host's router: the same decision the chat and the ask API make outside a flow.</summary>
public sealed class KnowledgeQuestionRouter(AskRouter router) : IQuestionRouter
{
    public AskResult Ask(string text) => router.Ask(text, snippets: false);
}
