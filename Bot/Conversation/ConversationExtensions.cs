using MagLearn.Bot.Flows;
using MagLearn.Bot.Flows.Definition;
using MagLearn.Bot.Hosting;
using MagLearn.Bot.Learn;
using MagLearn.Bot.Menu;
using MagLearn.Bot.Presentation;
using MagLearn.Bot.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Conversation;

public static class ConversationExtensions
{
    /// <summary>
    /// The bot itself: the activity handler, how each message is read (once, at the edge), how answers and a flow's
    /// replies are shown, links to the Learn pages and the turn log.
    /// </summary>
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => HelpMenuReader.Load(
            HelpMenuReader.FileIn(sp.GetRequiredService<IOptions<FlowOptions>>().Value.ResolveDialogsPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)),
            sp.GetRequiredService<FlowCatalog>()));
        services.AddSingleton<LearnLinks>();
        services.AddSingleton<AnswerPresenter>();
        services.AddSingleton<FlowReplyRenderer>();
        services.AddSingleton<TurnLog>();
        services.AddSingleton<IBot, MagLearnBot>();
        services.AddHostedService<BuiltAtStart<HelpMenu>>();
        return builder;
    }
}
