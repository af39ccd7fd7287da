using System.CommandLine;
using System.Runtime.InteropServices;
using AstroBench.Cli.Output;
using AstroBench.Core.Adapters;
using AstroBench.Core.Running;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary><c>astrobench run</c>: the orchestrator (docs/cli.md).</summary>
internal static class RunCommand
{
    private static readonly Option<string> Experiments = new("--experiments") { Description = "comma-separated experiment ids, or all", DefaultValueFactory = _ => "all" };
    private static readonly Option<string?> Libraries = new("--libraries") { Description = "comma-separated adapter names (default: every available one)" };
    private static readonly Option<int> N = new("--n") { Description = "cases per experiment (1..1,000,000)", DefaultValueFactory = _ => RunOptions.DefaultN };
    private static readonly Option<long> Seed = new("--seed") { Description = "input seed (0..2^31-1)", DefaultValueFactory = _ => RunOptions.DefaultSeed };
    private static readonly Option<int> PerfRounds = new("--perf-rounds") { Description = "perf rounds per library (1..50)", DefaultValueFactory = _ => RunOptions.DefaultPerfRounds };
    private static readonly Option<bool> NoPerf = new("--no-perf") { Description = "accuracy only" };
    private static readonly Option<bool> Ci = new("--ci") { Description = "CI mode: one short perf round, smoke numbers only" };
    private static readonly Option<string> ResultsDir = new("--results-dir") { Description = "where run folders go", DefaultValueFactory = _ => "results" };
    private static readonly Option<string[]> AdaptersDir = new("--adapters-dir") { Description = "adapter folders (repeatable)", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> Notes = new("--notes") { Description = "free text stored in the manifest" };
    private static readonly Option<string?> LogFile = new("--log-file") { Description = "also append every line here, flushed per line" };
    private static readonly Option<string?> ExitRecord = new("--exit-record") { Description = "write a JSON exit record here at the end" };
    private static readonly Option<double> Timeout = new("--timeout") { Description = "seconds per adapter call", DefaultValueFactory = _ => 120 };

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("run", "Generate inputs, run every adapter, score, time and write a run folder");
        foreach (var option in new Option[] { Experiments, Libraries, N, Seed, PerfRounds, NoPerf, Ci, ResultsDir, AdaptersDir, Notes, LogFile, ExitRecord, Timeout })
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, _) => ExecuteAsync(parse, console));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, IAnsiConsole console)
    {
        var exitRecord = parse.GetValue(ExitRecord);
        var logFile = parse.GetValue(LogFile);
        using var sink = new LineSink(Console.Out, logFile);
        using var cts = new CancellationTokenSource();
        var signalExit = 0;
        void OnSignal(PosixSignalContext context, int code)
        {
            context.Cancel = true;
            signalExit = code;
            cts.Cancel();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, ExitCodes.Terminated));
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, ExitCodes.Interrupted));

        RunOptions options;
        RunPlan plan;
        try
        {
            options = BuildOptions(parse);
            var registry = AdapterRegistry.Load(options.AdapterDirs);
            foreach (var problem in registry.Problems)
            {
                sink.WriteLine("warning: " + problem);
            }
            plan = RunPlan.Resolve(options, registry);
            EnsureWritable(options.ResultsDir);
        }
        catch (Exception ex) when (ex is CliException or RunPlanException)
        {
            sink.WriteLine("error: " + ex.Message);
            ExitRecordWriter.Write(exitRecord, "failed", ExitCodes.BadInput, null, null, ex.Message);
            return ExitCodes.BadInput;
        }

        var orchestrator = (IRunReporter reporter) => new Orchestrator(options, reporter, RepoLocator.Find()).RunAsync(plan, cts.Token);
        RunOutcome outcome;
        if (logFile is null && !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive)
        {
            outcome = await console.Progress().StartAsync(ctx => orchestrator(new TerminalRunReporter(console, ctx.AddTask("starting"))));
            var detail = outcome.RunPath ?? outcome.Reason ?? "";
            if (outcome.Status == RunStatus.Completed)
            {
                console.MarkupLineInterpolated($"[green]completed[/]: results in {detail}");
            }
            else
            {
                console.MarkupLineInterpolated($"[red]{outcome.Status.ToString().ToLowerInvariant()}[/]: {detail}");
            }
        }
        else
        {
            outcome = await orchestrator(new LineRunReporter(sink));
        }

        var code = outcome.Status switch
        {
            RunStatus.Completed => ExitCodes.Ok,
            RunStatus.Cancelled => signalExit == 0 ? ExitCodes.Terminated : signalExit,
            _ => ExitCodes.Failed,
        };
        if (outcome.Status == RunStatus.Failed)
        {
            sink.WriteLine("error: " + (outcome.Reason ?? "run failed"));
        }
        ExitRecordWriter.Write(exitRecord, outcome.Status.ToString().ToLowerInvariant(), code, outcome.RunId, outcome.RunPath, outcome.Reason);
        return code;
    }

    private static RunOptions BuildOptions(ParseResult parse)
    {
        var options = new RunOptions
        {
            Experiments = SplitList(parse.GetValue(Experiments)) ?? ["all"],
            Libraries = SplitList(parse.GetValue(Libraries)),
            N = parse.GetValue(N),
            Seed = parse.GetValue(Seed),
            PerfRounds = parse.GetValue(PerfRounds),
            NoPerf = parse.GetValue(NoPerf),
            CiMode = parse.GetValue(Ci),
            Notes = parse.GetValue(Notes),
            ResultsDir = Path.GetFullPath(parse.GetValue(ResultsDir) ?? "results"),
            AdapterDirs = RepoLocator.AdapterDirs(parse.GetValue(AdaptersDir)),
            CallTimeout = TimeSpan.FromSeconds(parse.GetValue(Timeout) is var t and > 0 ? t : throw new CliException("--timeout must be positive")),
        };
        var errors = RunOptionsValidator.Validate(options);
        return errors.Count == 0 ? options : throw new CliException(string.Join("; ", errors));
    }

    private static List<string>? SplitList(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static void EnsureWritable(string dir)
    {
        try
        {
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"results dir '{dir}' is not writable: {ex.Message}");
        }
    }
}
