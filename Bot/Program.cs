using MagLearn.Bot.Admin;
using MagLearn.Bot.Apis;
using MagLearn.Bot.Channels.DirectLine;
using MagLearn.Bot.Channels.Teams;
using MagLearn.Bot.Channels.WebChat;
using MagLearn.Bot.Checks;
using MagLearn.Bot.Conversation;
using MagLearn.Bot.Evaluation;
using MagLearn.Bot.Flows;
using MagLearn.Bot.Health;
using MagLearn.Bot.Hosting;
using MagLearn.Bot.Learn;
using MagLearn.Bot.Storage;
using MagLearn.Bot.Transcripts;
using MagLearn.Bot.Understanding;

// `eval` and `check` build the host's own parts, run once and exit; anything else runs the bot.
var (command, commandArgs) = args is [EvalCommand.Name or CheckCommand.Name, .. var rest] ? (args[0], rest) : (null, args);
// The host reads its settings from beside the binary, so `dotnet run --project Bot` works from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : [],
    ContentRootPath = AppContext.BaseDirectory,
});
if (command is not null)
    builder.Configuration.AddInMemoryCollection(command == EvalCommand.Name ? EvalCommand.Settings(commandArgs) : CheckCommand.Settings);

builder.AddKnowledge();
builder.AddFlows();
builder.AddContentChecks();
builder.AddStorage();
builder.AddTranscripts();
builder.AddBotFramework();
builder.AddConversation();
builder.AddDirectLine();
builder.AddWebChat();
builder.AddTeams();
builder.AddAdminApi();

var app = builder.Build();
if (command is not null)
    return command == EvalCommand.Name ? EvalCommand.Run(app.Services, commandArgs, Console.Out) : CheckCommand.Run(app.Services, commandArgs, Console.Out);

app.MapHealth();
app.MapLearnSite();
app.MapAskApi();
app.MapBotMessages();
app.MapWebChat();
app.MapDirectLine(corsPolicy: PortalOrigins.Policy);
app.MapAdminApi();

app.Run();
return 0;

/// <summary>The host's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
