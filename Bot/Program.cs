using MagLearn.Bot.Admin;
using MagLearn.Bot.Apis;
using MagLearn.Bot.Channels.DirectLine;
using MagLearn.Bot.Channels.Teams;
using MagLearn.Bot.Channels.WebChat;
using MagLearn.Bot.Conversation;
using MagLearn.Bot.Evaluation;
using MagLearn.Bot.Flows;
using MagLearn.Bot.Health;
using MagLearn.Bot.Hosting;
using MagLearn.Bot.Insights;
using MagLearn.Bot.Seeding;
using MagLearn.Bot.Learn;
using MagLearn.Bot.Storage;
using MagLearn.Bot.Telemetry;
using MagLearn.Bot.Transcripts;
using MagLearn.Bot.Understanding;

// A command (eval, seed-history) runs on the same parts as the host, then exits instead of serving.
var command = args is [EvalCommand.Name or SeedHistoryCommand.Name, ..] ? args : null;
// The host reads its settings from beside the binary, so `dotnet run --project Bot` works from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : [],
    ContentRootPath = AppContext.BaseDirectory,
});
if (command is [EvalCommand.Name, .. var evalArgs]) builder.Configuration.AddInMemoryCollection(EvalCommand.Settings(evalArgs));
if (command is [SeedHistoryCommand.Name, ..]) builder.Configuration.AddInMemoryCollection(SeedHistoryCommand.Settings);

builder.AddKnowledge();
builder.AddFlows();
builder.AddStorage();
builder.AddTranscripts();
builder.AddInsights();
builder.AddBotFramework();
builder.AddConversation();
builder.AddDirectLine();
builder.AddWebChat();
builder.AddTeams();
builder.AddAdminApi();
builder.AddTelemetry();

var app = builder.Build();
if (command is [EvalCommand.Name, .. var evaluated]) return EvalCommand.Run(app.Services, evaluated, Console.Out);
if (command is [SeedHistoryCommand.Name, .. var seeded]) return await SeedHistoryCommand.RunAsync(app.Services, seeded, Console.Out);

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
