using MagLearn.Bot.Flows;
using MagLearn.Bot.Understanding;
using Microsoft.Extensions.Options;

namespace MagLearn.Bot.Checks;

/// <summary>The two folders authors edit, as the host resolves them: <c>content/</c> and <c>dialogs/</c>.</summary>
public sealed record ContentFolders(string Content, string Dialogs)
{
    public static ContentFolders Of(IServiceProvider services)
    {
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return new ContentFolders(
            services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveContentPath(root),
            services.GetRequiredService<IOptions<FlowOptions>>().Value.ResolveDialogsPath(root));
    }
}
