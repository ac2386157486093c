using MagLearn.LoadGen;

// End-to-end load on loopback: the echo baseline and MagLearn Bot's answer turns, flow turns and Direct Line round
// trips, one after another, each against a freshly started server, with the ratio of each to the baseline measured
// in the same run.
// Usage: load-gen REPO_ROOT QUESTIONS.jsonl [--users N] [--seconds S] [--warmup S] [--configuration Release]
//                 [--scenarios echo,answer,flow,directline]   (a subset, for profiling one scenario; ratios need echo)

var options = Options.Parse(args);
var bot = Path.Combine(options.Root, "Bot", "bin", options.Configuration, "net10.0", "MagLearn.Bot.dll");
var echo = Path.Combine(options.Root, "bench", "EchoBot", "bin", options.Configuration, "net10.0", "echo-bot.dll");
var data = Directory.CreateTempSubdirectory("maglearn-load-");
var botEnvironment = new Dictionary<string, string>
{
    ["Knowledge__WatchContent"] = "false",
    ["Storage__Sqlite"] = Path.Combine(data.FullName, "state.db"),
    ["DirectLine__Local__Enabled"] = "true",
    ["DirectLine__Local__Secret"] = DirectLineClient.Secret,
};
var questions = AnswerScenario.FromFile(options.Questions);

var runs = new (string Key, string Dll, IDictionary<string, string> Environment, IScenario Scenario)[]
{
    ("echo", echo, new Dictionary<string, string>(), new EchoScenario()),
    ("answer", bot, botEnvironment, questions),
    ("flow", bot, botEnvironment, new FlowScenario()),
    ("directline", bot, botEnvironment, new DirectLineScenario(questions)),
}.Where(r => options.Scenarios.Contains(r.Key)).ToList();

var results = new List<LoadResult>();
var port = 4100;
foreach (var (_, dll, environment, scenario) in runs)
{
    await using var server = await ServerProcess.StartAsync(dll, port, environment, Path.Combine(data.FullName, $"server-{port}.log"));
    port++;
    var result = await LoadRun.RunAsync(server, scenario, options.Users, options.Warmup, options.Duration);
    results.Add(result);
    Console.Error.WriteLine($"{scenario.Name}: {result.TurnsPerSecond:0} turns/s, p99 {result.P99:0.0} ms, errors {result.Errors}");
}
data.Delete(recursive: true);

var baseline = results.FirstOrDefault(r => r.Scenario == new EchoScenario().Name)?.TurnsPerSecond ?? double.NaN;
Console.WriteLine($"{options.Users} concurrent conversations, {options.Duration.TotalSeconds:0} s each after {options.Warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine("| scenario | turns/s | x echo | p50 (ms) | p99 (ms) | server CPU (cores) | peak RSS (MiB) | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
    Console.WriteLine($"| {r.Scenario} | {r.TurnsPerSecond:0} | {r.TurnsPerSecond / baseline:0.00} | {r.P50:0.00} | {r.P99:0.00} | {r.CpuCores:0.00} | {r.PeakRssMiB:0} | {r.Errors} |");
return results.Any(r => r.Errors > 0) ? 1 : 0;

internal sealed record Options(string Root, string Questions, int Users, TimeSpan Duration, TimeSpan Warmup, string Configuration, IReadOnlySet<string> Scenarios)
{
    public static Options Parse(string[] args)
    {
        if (args.Length < 2) throw new ArgumentException("usage: load-gen REPO_ROOT QUESTIONS.jsonl [--users N] [--seconds S] [--warmup S]");
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]),
            int.Parse(Value("--users", "16")),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds", "20"))),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup", "5"))),
            Value("--configuration", "Release"),
            Value("--scenarios", "echo,answer,flow,directline").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet());
    }
}
