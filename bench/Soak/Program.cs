using MagLearn.LoadGen;
using MagLearn.Soak;

// The soak: MagLearn Bot under a steady mixed load for minutes on end, on one storage (the default SQLite file or
// a Redis of its own), checked for what a short load test cannot show: errors that come rarely, memory that
// creeps, conversation state that is lost or mixed up after many writes.
//   1. Warm-up, then the mix's maximum throughput, closed loop (--users turns at a time), on the same server.
//   2. Conversations parked mid-walk, untouched until the end.
//   3. Half that maximum, open loop: --settle seconds to settle (the "after warm-up" readings are taken at its
//      end), then --minutes measured, resident memory sampled every few seconds.
//   4. Every conversation left mid-walk, live or parked, walks on to its end, each step checked.
//   5. The server's log is read for errors. Any error, a conversation not intact or memory over the bound: exit 1.
// Usage: soak REPO_ROOT QUESTIONS.jsonl [--storage sqlite|redis] [--minutes 10] [--warmup 20] [--max-seconds 30]
//             [--settle 60] [--users 16] [--parked 128] [--configuration Release]

var options = SoakOptions.Parse(args);
var bot = Path.Combine(options.Root, "Bot", "bin", options.Configuration, "net10.0", "MagLearn.Bot.dll");
var questions = QuestionFile.Read(options.Questions).Answerable;
var data = Directory.CreateTempSubdirectory("maglearn-soak-");
var log = Path.Combine(data.FullName, "bot.log");
var failed = true;
RedisServer? redis = null;
ServerProcess? server = null;
// Ctrl+C ends the process without running the finally below: the servers started here go with it.
Console.CancelKeyPress += (_, _) =>
{
    server?.DisposeAsync().AsTask().Wait();
    redis?.DisposeAsync().AsTask().Wait();
    Console.Error.WriteLine($"stopped; the server's log and data are kept in {data.FullName}");
};
try
{
    var environment = ServerProcess.BotEnvironment(Path.Combine(data.FullName, "soak.db"));
    environment["Storage__Kind"] = options.Redis ? "Redis" : "Sqlite";
    // The load's Direct Line clients keep the token they started with (Web Chat refreshes its own every 15
    // minutes), and the stream closes when it expires: it has to outlive the run.
    environment["DirectLine__Local__TokenLifetimeSeconds"] = ((int)Math.Max(1800, (options.Duration + TimeSpan.FromMinutes(30)).TotalSeconds)).ToString();
    if (options.Redis)
    {
        redis = await RedisServer.StartAsync();
        environment["Storage__Redis"] = redis.ConnectionString;
    }
    server = await ServerProcess.StartAsync(bot, FreePort.Next(), environment, log);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = server.BaseUri,
        Timeout = TimeSpan.FromSeconds(30),
    };
    await using var pools = await ConversationPools.OpenAsync(http, questions);
    var storage = options.Redis ? "Redis" : "SQLite";
    void Say(string line) => Console.Error.WriteLine($"[{storage} {DateTime.Now:HH:mm:ss}] {line}");

    // 1. The maximum, closed loop, after a warm-up that is not counted.
    var warmup = new TurnTally("warm-up");
    await MixedLoad.ClosedLoopAsync(pools, options.Users, options.Warmup, warmup);
    var maximum = new TurnTally("maximum");
    var maxRate = await MixedLoad.ClosedLoopAsync(pools, options.Users, options.MaxDuration, maximum);
    var pace = maxRate / 2;
    Say($"maximum {maxRate:0} turns/s ({options.Users} at a time, {options.MaxDuration.TotalSeconds:0} s); soak at {pace:0} turns/s");

    // 2. Parked conversations: a step to three into a walk (both walks are longer), then left alone.
    var parking = new TurnTally("parking");
    var parked = await Task.WhenAll(Enumerable.Range(0, options.Parked).Select(async i =>
    {
        var conversation = await pools.OpenAsync(i % 8 == 0 ? ConversationKind.DirectLine : ConversationKind.Flow);
        for (var step = 0; step <= i % 3; step++) parking.Add(await conversation.NextStepAsync());
        return conversation;
    }));

    // 3. Half the maximum: settle, read memory, then the measured minutes.
    var settling = new TurnTally("settling");
    await MixedLoad.OpenLoopAsync(pools, pace, options.Settle, settling);
    var rssAfterWarmup = server.ResidentMiB;
    var redisAfterWarmup = redis is null ? (double?)null : await redis.UsedMemoryMiBAsync();
    Say($"after warm-up: RSS {rssAfterWarmup:0} MiB" + (redisAfterWarmup is { } r ? $", Redis used_memory {r:0.0} MiB" : ""));

    var soak = new TurnTally("soak");
    var soakClock = System.Diagnostics.Stopwatch.StartNew();
    double rssEnd;
    IReadOnlyList<double> rssByMinute;
    double rssPeak;
    await using (var memory = new MemorySampler(server, TimeSpan.FromSeconds(2)))
    {
        await MixedLoad.OpenLoopAsync(pools, pace, options.Duration, soak, elapsed =>
            Say($"{elapsed.TotalMinutes:0.0} min: {soak.Turns} turns ({soak.Turns / elapsed.TotalSeconds:0}/s), {soak.Errors} errors, RSS {server.ResidentMiB:0} MiB"));
        rssEnd = server.ResidentMiB;
        rssPeak = memory.PeakMiB;
        rssByMinute = memory.ByMinute();
    }
    var soakSeconds = soakClock.Elapsed.TotalSeconds;
    var redisEnd = redis is null ? (double?)null : await redis.UsedMemoryMiBAsync();

    // 4. State: every conversation mid-walk walks on to its end.
    var live = pools.TakeAll();
    var midWalk = live.Concat(parked).Where(c => c.MidWalk).ToList();
    var checking = new TurnTally("state check");
    var intact = 0;
    await Parallel.ForEachAsync(midWalk, new ParallelOptions { MaxDegreeOfParallelism = options.Users }, async (conversation, _) =>
    {
        while (conversation.MidWalk)
        {
            var outcome = await conversation.NextStepAsync();
            checking.Add(outcome);
            if (outcome.Error is not null) return;
        }
        Interlocked.Increment(ref intact);
    });
    foreach (var conversation in live.Concat(parked)) await conversation.DisposeAsync();

    // 5. The server's own account: anything it logged at Error or above.
    await Task.Delay(TimeSpan.FromSeconds(1));
    var serverLog = new TurnTally("server log");
    foreach (var problem in ServerLog.Problems(log)) serverLog.AddError(problem);

    var phases = new[] { warmup, maximum, parking, settling, soak, checking, serverLog };
    var errors = phases.Sum(p => p.Errors);
    var bound = MemoryBound.For(rssAfterWarmup);
    var report = new SoakReport(storage, options.Duration.TotalMinutes, maxRate, pace, soak.Turns / soakSeconds, soak.Turns,
        pools.MixDone(), soak.Percentile(0.50), soak.Percentile(0.99), errors, rssAfterWarmup, rssEnd, rssPeak, bound,
        redisAfterWarmup, redisEnd, pools.Opened, midWalk.Count, parked.Count(c => midWalk.Contains(c)), intact);
    report.Print(rssByMinute, phases.SelectMany(p => p.FirstErrors).Take(10).ToList());
    failed = !report.Passed;
    return failed ? 1 : 0;
}
finally
{
    if (server is not null) await server.DisposeAsync();
    if (redis is not null) await redis.DisposeAsync();
    // A failed soak keeps the server's log and database for a look; a passed one leaves nothing.
    if (failed) Console.Error.WriteLine($"the server's log and data are kept in {data.FullName}");
    else data.Delete(recursive: true);
}

internal sealed record SoakOptions(string Root, string Questions, bool Redis, TimeSpan Duration, TimeSpan Warmup, TimeSpan MaxDuration,
    TimeSpan Settle, int Users, int Parked, string Configuration)
{
    public static SoakOptions Parse(string[] args)
    {
        if (args.Length < 2) throw new ArgumentException("usage: soak REPO_ROOT QUESTIONS.jsonl [--storage sqlite|redis] [--minutes 10] [--warmup 20] [--max-seconds 30] [--settle 60] [--users 16] [--parked 128]");
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var storage = Value("--storage", "sqlite").ToLowerInvariant();
        if (storage is not ("sqlite" or "redis")) throw new ArgumentException("--storage is sqlite or redis");
        return new SoakOptions(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), storage == "redis",
            TimeSpan.FromMinutes(double.Parse(Value("--minutes", "10"))),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup", "20"))),
            TimeSpan.FromSeconds(double.Parse(Value("--max-seconds", "30"))),
            TimeSpan.FromSeconds(double.Parse(Value("--settle", "60"))),
            int.Parse(Value("--users", "16")),
            int.Parse(Value("--parked", "128")),
            Value("--configuration", "Release"));
    }
}
