using MagLearn.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

// The same pieces MagLearn Bot's host uses (CloudAdapter with configuration authentication, the typing
// middleware, the /api/messages route), with nothing behind them but an echo: what a turn costs the framework as
// it ships. With Echo:BotPlumbing it is set up as the bot sets the framework up (channel clients kept between
// turns, no typing loop for replies returned in the response): what a turn costs before any of the bot's own work.
var builder = WebApplication.CreateBuilder(args);
var asTheBot = builder.Configuration.GetValue<bool>("Echo:BotPlumbing");
builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => asTheBot
    ? new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(builder.Configuration, httpClientFactory: new ChannelHttpClients()))
    : new ConfigurationBotFrameworkAuthentication(builder.Configuration));
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp =>
{
    var adapter = new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>());
    adapter.Use(asTheBot ? new BotTyping() : new ShowTypingMiddleware(delay: (int)BotTyping.Delay.TotalMilliseconds, period: (int)BotTyping.Period.TotalMilliseconds));
    return adapter;
});
builder.Services.AddSingleton<IBot, EchoBot>();

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(request, response, bot));
app.Run();

internal sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turn, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(MessageFactory.Text("Echo: " + turn.Activity.Text), cancellationToken);
}
