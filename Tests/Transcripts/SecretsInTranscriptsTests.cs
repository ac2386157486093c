using System.Text;
using MagLearn.Bot.Privacy;
using MagLearn.Bot.Transcripts;
using MagLearn.Tests.ScaleOut;
using MagLearn.Tests.Storage;
using MagLearn.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagLearn.Tests.Transcripts;

/// <summary>
/// A conversation through the real host and channel endpoint in which the person types a password and a one-time
/// code, kept in a SQLite file: the transcript is there, and neither secret is in it, in the logs or in the file.
/// </summary>
public sealed class SecretsInTranscriptsTests : IAsyncLifetime
{
    private const string Password = "Tr0ub4dor&3x";
    private const string OneTimeCode = "482913";

    private readonly TempSqliteFile file = new();
    private StoredHost host = null!;
    private StubChannel channel = null!;
    private ChannelConversation chat = null!;

    public async Task InitializeAsync()
    {
        host = StoredHost.OnSqlite(file.Path);
        channel = await StubChannel.StartAsync();
        chat = channel.Conversation(host.CreateClient());
        await chat.JoinsAsync();
        await chat.SaysAsync($"I can't log in, my password is {Password}");
        await chat.SaysAsync(Password);
        await chat.SaysAsync($"my one time password code {OneTimeCode} isn't accepted");
        await chat.SaysAsync(OneTimeCode);
        await chat.SaysAsync("talk to a person");
    }

    [Fact]
    public async Task The_transcript_keeps_what_was_said_with_the_secrets_masked()
    {
        var transcript = await TranscriptAsync(expectedAtLeast: 10);

        Assert.Contains($"my password is {SecretRedactor.Mask}", transcript);
        Assert.Contains($"my one time password code {SecretRedactor.Mask}", transcript);
    }

    [Fact]
    public async Task The_transcript_holds_neither_the_password_nor_the_code()
    {
        var transcript = await TranscriptAsync(expectedAtLeast: 10);

        Assert.DoesNotContain(Password, transcript);
        Assert.DoesNotContain(OneTimeCode, transcript);
    }

    [Fact]
    public async Task No_log_entry_holds_the_password_or_the_code()
    {
        await TranscriptAsync(expectedAtLeast: 10);

        var logged = string.Join("\n", host.Logs.Entries.Select(e =>
            $"{e.Message} {string.Join(" ", e.State.Select(s => s.Value))} {e.Exception}"));
        Assert.NotEmpty(host.Logs.Entries);
        Assert.DoesNotContain(Password, logged);
        Assert.DoesNotContain(OneTimeCode, logged);
    }

    [Fact]
    public async Task The_database_file_holds_neither_the_password_nor_the_code()
    {
        await TranscriptAsync(expectedAtLeast: 10);
        await host.DisposeAsync();

        var text = await DatabaseFilesAsync();
        Assert.Contains("my password is", text);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(OneTimeCode, text);
    }

    /// <summary>The transcript middleware writes after each turn without waiting, so the last turn may still be on its way.</summary>
    private async Task<string> TranscriptAsync(int expectedAtLeast)
    {
        var archive = host.Services.GetRequiredService<ITranscriptArchive>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<TranscriptEntry> entries;
        do
        {
            entries = await archive.ReadAsync(chat.Id);
            if (entries.Count >= expectedAtLeast) break;
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        Assert.True(entries.Count >= expectedAtLeast, $"{entries.Count} activities kept");
        return string.Join("\n", entries.Select(e => e.Activity));
    }

    /// <summary>The database and its write-ahead log as text; the log may be folded into the database while we read.</summary>
    private async Task<string> DatabaseFilesAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var bytes = Directory.GetFiles(Path.GetDirectoryName(file.Path)!).SelectMany(File.ReadAllBytes).ToArray();
                return Encoding.UTF8.GetString(bytes);
            }
            catch (FileNotFoundException) when (attempt < 20)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await host.DisposeAsync();
        file.Dispose();
    }
}
