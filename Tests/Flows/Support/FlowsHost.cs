using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Flows.Support;

/// <summary>
/// The real bot host (Program.cs: knowledge, flows, Bot Framework) in memory, over the repository's content and
/// dialogs, with the content watcher off. A test can change settings or swap a service, e.g. to share one storage
/// between two hosts.
/// </summary>
public sealed class FlowsHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly Action<IServiceCollection>? services;

    public FlowsHost() : this(new Dictionary<string, string>(), null) { }

    private FlowsHost(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services)
    {
        this.settings = settings;
        this.services = services;
    }

    /// <summary>A host of its own, with some settings changed or services swapped.</summary>
    public static FlowsHost With(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        new(settings ?? new Dictionary<string, string>(), services);

    public IBot Bot => Services.GetRequiredService<IBot>();

    /// <summary>A new conversation with the bot; each has its own id, so tests never see each other's state.</summary>
    public Chat Chat(string channel = "test") => new(Bot, Support.Chat.NewConversation(channel));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:WatchContent", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }
}

/// <summary>One host for the flow conversation tests: starting it builds the index, which is worth doing once.</summary>
[CollectionDefinition(Name)]
public sealed class FlowsCollection : ICollectionFixture<FlowsHost>
{
    public const string Name = "Flows host";
}
