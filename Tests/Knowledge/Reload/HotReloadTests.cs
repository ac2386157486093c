using System.Collections.Concurrent;
using MagLearn.Knowledge;
using MagLearn.Tests.Support;

namespace MagLearn.Tests.Knowledge.Reload;

/// <summary>
/// Content authors edit a page and the bot knows it without a restart, and no question fails while it rebuilds.
/// Each test works on its own copy of the content folder.
/// </summary>
public sealed class HotReloadTests : IDisposable
{
    private const string NewSection = """

        ## Quokka vouchers {#quokka-vouchers}

        Quokka vouchers are a made-up way to settle an Exostar invoice, added while the bot was running.

        """;

    private readonly string content = CopyOfContent();
    private readonly KnowledgeBase knowledge;

    public HotReloadTests()
    {
        knowledge = new KnowledgeBase(content);
        knowledge.Reload();
    }

    private string BillingPage => Path.Combine(content, "learn", "billing-support.md");

    private string? BestSection(string question) => knowledge.Current.Search.Search(question, 1).Hits.FirstOrDefault()?.SectionId;

    [Fact]
    public async Task A_section_added_to_a_page_is_found_without_a_restart()
    {
        using var watcher = new ContentWatcher(knowledge, TimeSpan.FromMilliseconds(100));
        Assert.NotEqual("quokka-vouchers", BestSection("quokka vouchers"));

        await File.AppendAllTextAsync(BillingPage, NewSection);

        Assert.True(await Eventually(() => BestSection("quokka vouchers") == "quokka-vouchers", TimeSpan.FromSeconds(10)),
            "the new section was not found within 10 s of saving the page");
    }

    [Fact]
    public async Task A_page_deleted_while_running_stops_being_answered()
    {
        using var watcher = new ContentWatcher(knowledge, TimeSpan.FromMilliseconds(100));
        Assert.NotNull(knowledge.Current.Library.Find("training-documents"));

        File.Delete(Path.Combine(content, "learn", "training-documents.md"));

        Assert.True(await Eventually(() => knowledge.Current.Library.Find("training-documents") is null, TimeSpan.FromSeconds(10)),
            "the deleted page was still in the index 10 s later");
    }

    [Fact]
    public void A_page_broken_by_an_edit_is_skipped_and_the_rest_still_answer()
    {
        File.WriteAllText(BillingPage, "---\nid: billing-support\ntitle: [oops\n---\n");

        var reloaded = knowledge.Reload();

        Assert.Null(reloaded.Library.Find("billing-support"));
        Assert.Equal("forgot-password", BestSection("I forgot my password"));
    }

    [Fact]
    public void A_reload_that_finds_no_readable_page_keeps_the_index_already_loaded()
    {
        var before = knowledge.Current;
        foreach (var page in Directory.GetFiles(Path.Combine(content, "learn"))) File.Delete(page);

        var after = knowledge.Reload();

        Assert.Same(before, after);
        Assert.Equal("forgot-password", BestSection("I forgot my password"));
    }

    [Fact]
    public async Task Questions_asked_while_reloads_run_never_fail()
    {
        const string question = "how do I pay an invoice";
        var expected = BestSection(question);
        Assert.Equal("pay-invoice", expected);
        var failures = new ConcurrentQueue<string>();
        var reloadsRunning = 0;
        var askedDuring = 0;
        var asked = 0;
        using var stop = new CancellationTokenSource();

        var asker = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Counted as asked during a reload only when a reload ran from before the search to after it.
                var during = Volatile.Read(ref reloadsRunning) > 0;
                try
                {
                    var found = BestSection(question);
                    if (found != expected) failures.Enqueue($"search {asked} found {found ?? "nothing"}");
                }
                catch (Exception e)
                {
                    failures.Enqueue($"search {asked} threw {e.GetType().Name}: {e.Message}");
                }
                if (during && Volatile.Read(ref reloadsRunning) > 0) askedDuring++;
                asked++;
            }
        });
        // Five reloads at least, and more until a hundred questions have been asked in the middle of one.
        for (var i = 0; i < 50 && (i < 5 || Volatile.Read(ref askedDuring) < 100); i++)
        {
            Interlocked.Increment(ref reloadsRunning);
            knowledge.Reload();
            Interlocked.Decrement(ref reloadsRunning);
        }
        await stop.CancelAsync();
        await asker.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(failures.Take(10));
        Assert.True(askedDuring >= 100, $"only {askedDuring} of {asked} questions were asked while a reload ran");
    }

    [Fact]
    public void Each_reload_makes_a_new_index_current()
    {
        var first = knowledge.Current;

        var second = knowledge.Reload();

        Assert.NotSame(first, second);
        Assert.Same(second, knowledge.Current);
    }

    public void Dispose()
    {
        knowledge.Dispose();
        Directory.Delete(content, recursive: true);
    }

    private static string CopyOfContent()
    {
        var copy = Directory.CreateTempSubdirectory("maglearn-content-").FullName;
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }
        return condition();
    }
}
