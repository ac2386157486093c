using MagLearn.LoadGen;

// End-to-end load on loopback: the echo baseline and MagLearn Bot's answer turns, flow turns, questions typed at open
// flows and Direct Line round trips, each against a server of its own, all started at once. After a warm-up, the
// scenarios take turns in short slices (round after round, each round in a rotated order), so every scenario meets
// the same machine: a shared two-core VM drifts by a quarter in speed from one minute to the next, which is more
// than the differences being measured. Ratios to the baseline are of totals over the same rounds, and the spread of
// the per-round ratios is printed beside them.
// Two baselines: the echo on the framework as it ships (the ratio the targets are set against), and the same echo
// with the framework set up as the bot sets it up (channel clients kept, no typing loop for replies in the response),
// which shows what the bot's own work costs on top of its plumbing.
// Usage: load-gen REPO_ROOT QUESTIONS.jsonl [--users N] [--seconds S] [--slice S] [--warmup S] [--configuration Release]
//                 [--scenarios echo,plumbing,answer,new,paced,flow,atflows,directline]   (a subset, for profiling one scenario; ratios need echo)
//                 [--bot PATH/MagLearn.Bot.dll]   (another build of the bot, e.g. the published one in bench/bin/published)
//   --seconds: measured seconds per scenario, in slices of --slice seconds; --warmup: unmeasured seconds per scenario.

var options = Options.Parse(args);
var bot = options.Bot ?? Path.Combine(options.Root, "Bot", "bin", options.Configuration, "net10.0", "MagLearn.Bot.dll");
var echo = Path.Combine(options.Root, "bench", "EchoBot", "bin", options.Configuration, "net10.0", "echo-bot.dll");
var data = Directory.CreateTempSubdirectory("maglearn-load-");
Dictionary<string, string> BotEnvironment(string name) => ServerProcess.BotEnvironment(Path.Combine(data.FullName, $"{name}.db"));
var questions = QuestionFile.Read(options.Questions);

var plan = new (string Key, string Dll, IDictionary<string, string> Environment, IScenario Scenario)[]
{
    ("echo", echo, new Dictionary<string, string>(), new EchoScenario(EchoScenario.Framework)),
    ("plumbing", echo, new Dictionary<string, string> { ["Echo__BotPlumbing"] = "true" }, new EchoScenario(EchoScenario.BotPlumbing)),
    ("answer", bot, BotEnvironment("answer"), new AnswerScenario(questions.Answerable)),
    ("new", bot, BotEnvironment("new"), new AnswerScenario(questions.Answerable, "answer turns (never-seen questions)", neverSeen: true)),
    ("paced", bot, BotEnvironment("paced"), new AnswerScenario(questions.Answerable, "never-seen questions at 50 turns/s", neverSeen: true, pace: 50)),
    ("flow", bot, BotEnvironment("flow"), new FlowScenario()),
    ("atflows", bot, BotEnvironment("atflows"), new QuestionsAtFlowsScenario(questions.All)),
    ("directline", bot, BotEnvironment("directline"), new DirectLineScenario(questions.All)),
}.Where(r => options.Scenarios.Contains(r.Key)).ToList();

var servers = new List<ServerProcess>();
var runs = new List<ScenarioRun>();
try
{
    var port = 4100;
    foreach (var (key, dll, environment, scenario) in plan)
    {
        var server = await ServerProcess.StartAsync(dll, port, environment, Path.Combine(data.FullName, $"{key}-{port}.log"));
        servers.Add(server);
        runs.Add(await ScenarioRun.StartAsync(server, scenario, options.Users));
        port++;
    }
    foreach (var run in runs) await run.WarmAsync(options.Warmup);
    var rounds = Math.Max(1, (int)Math.Round(options.Duration / options.Slice));
    for (var round = 0; round < rounds; round++)
    {
        foreach (var run in runs.Skip(round % runs.Count).Concat(runs.Take(round % runs.Count)))
            await run.MeasureAsync(options.Slice);
        Console.Error.WriteLine($"round {round + 1}/{rounds}: " + string.Join(", ", runs.Select(r => $"{r.Name} {r.SliceRates[^1]:0}/s")));
    }

    var results = runs.Select(r => r.Result()).ToList();
    var baseline = runs.FirstOrDefault(r => r.Name == EchoScenario.Framework);
    var framework = results.FirstOrDefault(r => r.Scenario == EchoScenario.Framework);
    var plumbing = results.FirstOrDefault(r => r.Scenario == EchoScenario.BotPlumbing);
    // A baseline left out of the run leaves its column empty.
    string Ratio(LoadResult r, LoadResult? to) => to is null ? "" : (r.TurnsPerSecond / to.TurnsPerSecond).ToString("0.00");
    Console.WriteLine($"{options.Users} concurrent conversations per scenario, {rounds} rounds of {options.Slice.TotalSeconds:0} s slices each " +
                      $"after {options.Warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
    Console.WriteLine();
    Console.WriteLine("| scenario | turns/s | x echo | x echo per round (min-max) | x echo on the bot's plumbing | p50 (ms) | p99 (ms) | server CPU (cores) | peak RSS (MiB) | errors |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (var i = 0; i < runs.Count; i++)
    {
        var r = results[i];
        var perRound = baseline is null ? [] : runs[i].SliceRates.Zip(baseline.SliceRates, (mine, echoed) => mine / echoed).ToList();
        var spread = perRound.Count == 0 ? "" : $"{perRound.Min():0.00}-{perRound.Max():0.00}";
        Console.WriteLine($"| {r.Scenario} | {r.TurnsPerSecond:0} | {Ratio(r, framework)} | {spread} | {Ratio(r, plumbing)} | {r.P50:0.00} | {r.P99:0.00} | {r.CpuCores:0.00} | {r.PeakRssMiB:0} | {r.Errors} |");
    }
    return results.Any(r => r.Errors > 0) ? 1 : 0;
}
finally
{
    foreach (var run in runs) await run.DisposeAsync();
    foreach (var server in servers) await server.DisposeAsync();
    data.Delete(recursive: true);
}

internal sealed record Options(string Root, string Questions, int Users, TimeSpan Duration, TimeSpan Slice, TimeSpan Warmup, string Configuration, IReadOnlySet<string> Scenarios,
    string? Bot)
{
    public static Options Parse(string[] args)
    {
        if (args.Length < 2) throw new ArgumentException("usage: load-gen REPO_ROOT QUESTIONS.jsonl [--users N] [--seconds S] [--slice S] [--warmup S]");
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]),
            int.Parse(Value("--users", "16")),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds", "30"))),
            TimeSpan.FromSeconds(double.Parse(Value("--slice", "5"))),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup", "20"))),
            Value("--configuration", "Release"),
            Value("--scenarios", "echo,plumbing,answer,new,paced,flow,atflows,directline").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            Value("--bot", "") is { Length: > 0 } dll ? Path.GetFullPath(dll) : null);
    }
}
