using MagLearn.Tests.Support;
using MagLearn.Tests.ScaleOut;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagLearn.Tests.Storage;

/// <summary>
/// A double click on a welcome button, through the real host and channel endpoint on SQLite: two identical
/// activities at once. Both are answered, the second on the state the first left, neither fails, and the flow
/// they started carries on normally.
/// </summary>
public sealed class DoubleClickTests : IAsyncLifetime
{
    private readonly TempSqliteFile file = new();
    private StoredHost host = null!;
    private StubChannel channel = null!;

    public async Task InitializeAsync()
    {
        host = StoredHost.OnSqlite(file.Path);
        channel = await StubChannel.StartAsync();
    }

    [Fact]
    public async Task A_double_clicked_button_is_answered_twice_and_the_flow_carries_on()
    {
        var chat = channel.Conversation(host.CreateClient());
        Activity Click() => new() { Type = ActivityTypes.Message, Text = "Login help", Value = new JObject { ["helpArea"] = "Login help" } };

        var both = await Task.WhenAll(chat.SendAsync(Click()), chat.SendAsync(Click()));
        var next = await chat.SaysAsync("I forgot my password");

        // Run on the state the first click left, the second click finds the flow open: it does not open it afresh.
        Assert.Single(both, turn => turn.AllText == "What is happening when you try to log in?");
        Assert.NotEqual(both[0].AllText, both[1].AllText);
        Assert.All(both, turn => Assert.NotEmpty(turn.Texts));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("company login", next.AllText);
    }

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await host.DisposeAsync();
        file.Dispose();
    }
}
