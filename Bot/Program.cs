using MagLearn.Bot.Admin;
using MagLearn.Bot.Apis;
using MagLearn.Bot.Channels.DirectLine;
using MagLearn.Bot.Channels.Teams;
using MagLearn.Bot.Channels.WebChat;
using MagLearn.Bot.Conversation;
using MagLearn.Bot.Evaluation;
using MagLearn.Bot.Flows;
using MagLearn.Bot.Headers;
using MagLearn.Bot.Health;
using MagLearn.Bot.Hosting;
using MagLearn.Bot.Learn;
using MagLearn.Bot.Limits;
using MagLearn.Bot.Proxy;
using MagLearn.Bot.Storage;
using MagLearn.Bot.Transcripts;
using MagLearn.Bot.Understanding;

var command = args is [EvalCommand.Name, .. var rest] ? rest : null;
// The host reads its settings from beside the binary, so `dotnet run --project Bot` works from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : [],
    ContentRootPath = AppContext.BaseDirectory,
});
if (command is not null) builder.Configuration.AddInMemoryCollection(EvalCommand.Settings(command));

builder.AddProxyHeaders();
builder.AddSecurityHeaders();
builder.AddRequestLimits();
builder.AddKnowledge();
builder.AddFlows();
builder.AddStorage();
builder.AddTranscripts();
builder.AddBotFramework();
builder.AddConversation();
builder.AddDirectLine();
builder.AddWebChat();
builder.AddTeams();
builder.AddAdminApi();

var app = builder.Build();
if (command is not null) return EvalCommand.Run(app.Services, command, Console.Out);

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

app.Run();
return 0;

/// <summary>The host's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
