using MagLearn.Bot.Admin;
using MagLearn.Bot.Cases;
using MagLearn.Bot.Apis;
using MagLearn.Bot.Channels.DirectLine;
using MagLearn.Bot.Channels.Teams;
using MagLearn.Bot.Channels.WebChat;
using MagLearn.Bot.Checks;
using MagLearn.Bot.Conversation;
using MagLearn.Bot.Evaluation;
using MagLearn.Bot.Flows;
using MagLearn.Bot.Headers;
using MagLearn.Bot.Health;
using MagLearn.Bot.Hosting;
using MagLearn.Bot.Insights;
using MagLearn.Bot.Learn;
using MagLearn.Bot.Limits;
using MagLearn.Bot.Proxy;
using MagLearn.Bot.Seeding;
using MagLearn.Bot.Storage;
using MagLearn.Bot.Telemetry;
using MagLearn.Bot.Transcripts;
using MagLearn.Bot.Understanding;

// A command (eval, check, seed-history) builds the host's own parts, runs once and exits; anything else runs the bot.
var (command, commandArgs) = args is [EvalCommand.Name or CheckCommand.Name or SeedHistoryCommand.Name, .. var rest] ? (args[0], rest) : (null, args);
// The host reads its settings from beside the binary, so `dotnet run --project Bot` works from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : [],
    ContentRootPath = AppContext.BaseDirectory,
});
if (command is not null)
{
    builder.Configuration.AddInMemoryCollection(command switch
    {
        EvalCommand.Name => EvalCommand.Settings(commandArgs),
        CheckCommand.Name => CheckCommand.Settings,
        _ => SeedHistoryCommand.Settings,
    });
}

builder.AddProxyHeaders();
builder.AddSecurityHeaders();
builder.AddRequestLimits();
builder.AddKnowledge();
builder.AddFlows();
builder.AddContentChecks();
builder.AddStorage();
builder.AddTranscripts();
builder.AddInsights();
builder.AddCases();
builder.AddBotFramework();
builder.AddConversation();
builder.AddDirectLine();
builder.AddWebChat();
builder.AddTeams();
builder.AddAdminApi();
builder.AddTelemetry();

var app = builder.Build();
if (command is not null)
{
    return command switch
    {
        EvalCommand.Name => EvalCommand.Run(app.Services, commandArgs, Console.Out),
        CheckCommand.Name => CheckCommand.Run(app.Services, commandArgs, Console.Out),
        _ => await SeedHistoryCommand.RunAsync(app.Services, commandArgs, Console.Out),
    };
}

app.UseProxyHeaders();
app.UseSecurityHeaders();
app.UseRequestLimits();
app.MapHealth();
app.MapLearnSite();
app.MapAskApi();
app.MapBotMessages();
app.MapWebChat();
app.MapDirectLine(corsPolicy: PortalOrigins.Policy);
app.MapAdminApi();
app.MapTelemetry();

app.Run();
return 0;

/// <summary>The host's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
