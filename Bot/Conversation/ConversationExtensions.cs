using Microsoft.Bot.Builder;

namespace MagLearn.Bot.Conversation;

public static class ConversationExtensions
{
    /// <summary>The bot and what it talks with: the presenter, links to the Learn pages and the turn log.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<LearnLinks>();
        services.AddSingleton<AnswerPresenter>();
        services.AddSingleton<TurnLog>();
        services.AddSingleton<IBot, MagLearnBot>();
        return services;
    }
}
