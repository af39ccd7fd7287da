using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;
using AstroBench.Cli.Output;
using AstroBench.Core.Adapters;
using AstroBench.Core.Diagnostics;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Running;
using Spectre.Console;

namespace AstroBench.Cli.Commands;

/// <summary><c>astrobench run</c>: the orchestrator (docs/cli.md).</summary>
internal static class RunCommand
{
    // Names from RunCommandLine (the server builds argv with the same constants); ranges from RunLimits.
    private static readonly Option<string> Experiments = new(RunCommandLine.Experiments) { Description = "comma-separated experiment ids, or all", DefaultValueFactory = _ => "all" };
    private static readonly Option<string?> Libraries = new(RunCommandLine.Libraries) { Description = "comma-separated adapter names (default: every available one)" };
    private static readonly Option<int> N = new(RunCommandLine.N) { Description = RunCommandSupport.Inv($"cases per experiment ({RunLimits.MinN:N0}..{RunLimits.MaxN:N0})"), DefaultValueFactory = _ => RunLimits.DefaultN };
    private static readonly Option<long> Seed = new(RunCommandLine.Seed) { Description = RunCommandSupport.Inv($"input seed ({RunLimits.MinSeed:N0}..{RunLimits.MaxSeed:N0})"), DefaultValueFactory = _ => RunLimits.DefaultSeed };
    private static readonly Option<int> PerfRounds = new(RunCommandLine.PerfRounds) { Description = RunCommandSupport.Inv($"perf rounds per library ({RunLimits.MinPerfRounds:N0}..{RunLimits.MaxPerfRounds:N0}); the default gives C/C++ {RoundsPolicy.DefaultPlannedNative}, JavaScript {RoundsPolicy.DefaultPlannedJavaScript}, Python {RoundsPolicy.DefaultPlannedPython}"), DefaultValueFactory = _ => RunLimits.DefaultPerfRounds };
    private static readonly Option<int?> MaxPerfRounds = new(RunCommandLine.MaxPerfRounds) { Description = RunCommandSupport.Inv($"most perf rounds a library gets while its CV is above --perf-cv-target (default: {RoundsPolicy.DefaultMaxRoundsNative} for C/C++, {RoundsPolicy.DefaultMaxRoundsManaged} for other languages; = --perf-rounds: a fixed count)") };
    private static readonly Option<double> PerfCvTarget = new(RunCommandLine.PerfCvTarget)
    {
        Description = RunCommandSupport.Inv($"CV in percent above which a library gets extra rounds (default {RoundsPolicy.DefaultCvTargetPercent}; C/C++ stop on the median's standard error instead, {RoundsPolicy.DefaultSeTargetPercentNative} %)"),
        DefaultValueFactory = _ => RoundsPolicy.DefaultCvTargetPercent,
        CustomParser = r => RunCommandSupport.ParseNumber(r, RoundsPolicy.DefaultCvTargetPercent, RunCommandLine.PerfCvTarget, "a percentage (e.g. 5)"),
    };
    private static readonly Option<double> PerfBudget = new(RunCommandLine.PerfBudget)
    {
        Description = RunCommandSupport.Inv($"seconds of timing per library and experiment, pooled over the experiment's libraries; extra rounds, waits for a contended machine and retaken rounds stop when it is spent, planned rounds never (default {RoundsPolicy.DefaultBudgetSecondsPerLibrary})"),
        DefaultValueFactory = _ => RoundsPolicy.DefaultBudgetSecondsPerLibrary,
        CustomParser = r => RunCommandSupport.ParseNumber(r, RoundsPolicy.DefaultBudgetSecondsPerLibrary, RunCommandLine.PerfBudget, "a number of seconds (e.g. 1.5)"),
    };
    private static readonly Option<bool> NoPerf = new(RunCommandLine.NoPerf) { Description = "accuracy only" };
    private static readonly Option<bool> Ci = new(RunCommandLine.Ci) { Description = "CI mode: one short perf round, smoke numbers only" };
    private static readonly Option<string> ResultsDir = new(RunCommandLine.ResultsDir) { Description = "where run folders go", DefaultValueFactory = _ => "results" };
    private static readonly Option<string[]> AdaptersDir = new(RunCommandLine.AdaptersDir) { Description = "adapter folders (repeatable)", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> Notes = new(RunCommandLine.Notes) { Description = RunCommandSupport.Inv($"free text stored in the manifest (at most {RunLimits.MaxNotesLength:N0} characters)") };
    private static readonly Option<string?> TestbedLabel = new(RunCommandLine.Testbed) { Description = "testbed label: part of the run's testbed key, so series of differently labelled machines never mix (docs/history.md)" };
    private static readonly Option<string?> LogFile = new(RunCommandLine.LogFile) { Description = "also append every line here, flushed per line" };
    private static readonly Option<string?> ExitRecord = new(RunCommandLine.ExitRecord) { Description = "write a JSON exit record here at the end" };
    // Parsed invariantly: System.CommandLine's own double parser follows the current culture (0.5 would be 5 under de-DE).
    private static readonly Option<double> Timeout = new(RunCommandLine.Timeout)
    {
        Description = "seconds per adapter call",
        DefaultValueFactory = _ => RunOptions.DefaultCallTimeout.TotalSeconds,
        CustomParser = RunCommandSupport.ParseSeconds,
    };

    private static readonly Option<int> Jobs = new(RunCommandLine.Jobs) { Description = RunCommandSupport.Inv($"accuracy calls at once, across experiments and libraries ({RunLimits.MinJobs}..{RunLimits.MaxJobs}; default: the processor count); timing rounds always run alone"), DefaultValueFactory = _ => Environment.ProcessorCount };
    private static readonly Option<int> ShardRows = new(RunCommandLine.ShardRows) { Description = RunCommandSupport.Inv($"smallest shard a persistent adapter's accuracy request is split into across --jobs (0: never split; default {AccuracyShards.DefaultMinRows:N0})"), DefaultValueFactory = _ => AccuracyShards.DefaultMinRows };
    private static readonly Option<bool> NoCache = new(RunCommandLine.NoCache) { Description = "neither reuse nor store reference outputs, nor this machine's contention levels, in results/.cache (docs/engine.md)" };
    private static readonly Option<string> Transport = new(RunCommandLine.Transport) { Description = "accuracy transport: auto (v2 with the best encoding an adapter declares), v1, decimal, hex or binary", DefaultValueFactory = _ => "auto" };
    private static readonly Option<string?> Resume = new(RunCommandLine.Resume) { Description = "continue a paused run from its checkpoint folder (its config comes from the checkpoint)" };
    private static readonly Option<int?> AdapterMemoryMb = new(RunCommandLine.AdapterMemoryMb) { Description = "RLIMIT_AS of every adapter process, in MB (docs/limits.md)" };
    private static readonly Option<string?> Discard = new(RunCommandLine.Discard) { Description = "delete a paused run's checkpoint folder and release its run id" };

    /// <summary>Options that configure a run: a resume takes all of them from its checkpoint.</summary>
    private static readonly Option[] ConfigOptions = [Experiments, Libraries, N, Seed, PerfRounds, MaxPerfRounds, PerfCvTarget, PerfBudget, NoPerf, Ci, ResultsDir, AdaptersDir, Notes, TestbedLabel, Timeout];

    /// <summary>What one parsed <c>run</c> command line asks for (docs/cli.md).</summary>
    internal sealed record Invocation(RunOptions Options, string? LogFile, string? ExitRecord, string? Resume, string? Discard);

    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("run", "Generate inputs, run every adapter, score, time and write a run folder");
        foreach (var option in new Option[] { Experiments, Libraries, N, Seed, PerfRounds, MaxPerfRounds, PerfCvTarget, PerfBudget, NoPerf, Ci, ResultsDir, AdaptersDir, Notes, TestbedLabel, LogFile, ExitRecord, Timeout, Jobs, ShardRows, NoCache, Transport, Resume, Discard, AdapterMemoryMb })
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, _) => ExecuteAsync(parse, console));
        return command;
    }

    /// <summary>Reads the options of a parsed <c>run</c> command line; a <see cref="CliException"/> names what is out of range.</summary>
    internal static Invocation Bind(ParseResult parse) =>
        new(BuildOptions(parse), parse.GetValue(LogFile), parse.GetValue(ExitRecord), parse.GetValue(Resume), parse.GetValue(Discard));

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

        using var pause = new PauseRequest();
        using var pauseSignals = PauseSignals.Register(pause, mode => sink.WriteLine(PauseSignals.Acknowledgement(mode)));
        if (parse.GetValue(Discard) is { } discard)
        {
            return RunCheckpointCommand.Discard(discard, parse.GetValue(Resume) is not null || ConfigOptions.Any(o => IsGiven(parse, o)), sink);
        }

        RunOptions options;
        RunPlan plan;
        ResumePoint? resume = null;
        try
        {
            if (parse.GetValue(Resume) is { } checkpoint)
            {
                resume = await RunCheckpointCommand.PrepareAsync(checkpoint, ConfigOptions.Where(o => IsGiven(parse, o)).Select(o => o.Name), sink, cts.Token);
                // How the accuracy work runs and the adapters' memory limit are not part of a run's config: a resume may choose them afresh.
                (options, plan) = (WithEngine(WithProbe(resume.Options), parse) with { AdapterMemoryMb = AdapterMemory(parse) }, resume.Plan);
            }
            else
            {
                options = BuildOptions(parse);
                var registry = AdapterRegistry.Load(options.AdapterDirs);
                foreach (var problem in registry.Problems)
                {
                    sink.WriteLine("warning: " + problem);
                }
                RunTrace.Mark("adapter registry loaded");
                plan = RunPlan.Resolve(options, registry);
                RunTrace.Mark("plan resolved");
            }
            RunCommandSupport.EnsureWritable(options.ResultsDir);
        }
        catch (Exception ex) when (ex is CliException or RunPlanException or CheckpointException)
        {
            sink.WriteLine("error: " + ex.Message);
            WriteExitRecord(exitRecord, RunStatus.Failed, ExitCodes.BadInput, null, null, ex.Message, null);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            // SIGTERM/SIGINT while a resume checked its adapters: the checkpoint was given back untouched.
            var cancelled = signalExit == 0 ? ExitCodes.Terminated : signalExit;
            WriteExitRecord(exitRecord, RunStatus.Cancelled, cancelled, null, null, "cancelled", null);
            return cancelled;
        }

        var orchestrator = (IRunReporter reporter) =>
        {
            var o = new Orchestrator(options, reporter, RepoLocator.Find()) { Pause = pause };
            return resume is null ? o.RunAsync(plan, cts.Token) : o.ResumeAsync(resume, cts.Token);
        };
        RunOutcome outcome;
        if (logFile is null && !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive)
        {
            outcome = await console.Progress().StartAsync(ctx => orchestrator(new TerminalRunReporter(console, ctx.AddTask("starting"))));
            var detail = outcome.RunPath ?? outcome.Checkpoint ?? outcome.Reason ?? "";
            if (outcome.Status == RunStatus.Completed)
            {
                console.MarkupLineInterpolated($"[green]completed[/]: results in {detail}");
            }
            else
            {
                var colour = outcome.Status == RunStatus.Paused ? "yellow" : "red";
                console.MarkupLineInterpolated($"[{colour}]{outcome.Status.ToWire()}[/]: {detail}");
            }
        }
        else
        {
            outcome = await orchestrator(new LineRunReporter(sink));
        }

        var code = outcome.Status switch
        {
            RunStatus.Completed => ExitCodes.Ok,
            RunStatus.Paused => ExitCodes.Paused,
            RunStatus.Cancelled => signalExit == 0 ? ExitCodes.Terminated : signalExit,
            _ when outcome.Reason == SettleDecision.DiskFull => ExitCodes.DiskFull,
            _ => ExitCodes.Failed,
        };
        if (code == ExitCodes.DiskFull)
        {
            sink.WriteLine($"error: {SettleDecision.DiskFull}: no space left on the file system of {options.ResultsDir}; the partial run was deleted");
        }
        else if (outcome.Status == RunStatus.Failed)
        {
            sink.WriteLine("error: " + (outcome.Reason ?? "run failed"));
        }
        WriteExitRecord(exitRecord, outcome.Status, code, outcome.RunId, outcome.RunPath, outcome.Reason, outcome.Checkpoint);
        RunTrace.Mark("exit");
        return code;
    }

    private static RunOptions BuildOptions(ParseResult parse)
    {
        var options = new RunOptions
        {
            Experiments = RunCommandLine.ParseList(parse.GetValue(Experiments)) ?? ["all"],
            Libraries = RunCommandLine.ParseList(parse.GetValue(Libraries)),
            N = parse.GetValue(N),
            Seed = parse.GetValue(Seed),
            PerfRounds = parse.GetValue(PerfRounds),
            MaxPerfRounds = parse.GetValue(MaxPerfRounds),
            PerfCvTargetPercent = parse.GetValue(PerfCvTarget),
            PerfBudgetSeconds = parse.GetValue(PerfBudget),
            NoPerf = parse.GetValue(NoPerf),
            CiMode = parse.GetValue(Ci),
            Notes = parse.GetValue(Notes),
            Testbed = parse.GetValue(TestbedLabel),
            ResultsDir = Path.GetFullPath(parse.GetValue(ResultsDir) ?? "results"),
            AdapterDirs = RepoLocator.AdapterDirs(parse.GetValue(AdaptersDir)),
            CallTimeout = TimeSpan.FromSeconds(parse.GetValue(Timeout) is var t and > 0 ? t : throw new CliException("--timeout must be positive")),
            AdapterMemoryMb = AdapterMemory(parse),
        };
        options = WithEngine(WithProbe(options), parse);
        var errors = RunOptionsValidator.Validate(options);
        return errors.Count == 0 ? options : throw new CliException(string.Join("; ", errors));
    }

    /// <summary>The probe lives beside the adapters (adapters/probe, built with them); a run without it simply records no machine
    /// block. Not part of a run's config: a resume locates it afresh, as a new run does (before, a resumed segment never probed).</summary>
    private static RunOptions WithProbe(RunOptions options) =>
        options with { MachineProbePath = MachineProbe.Locate(options.AdapterDirs.Append(Path.Combine(RepoLocator.Find() ?? ".", "adapters")))?.Executable };

    private static RunOptions WithEngine(RunOptions options, ParseResult parse)
    {
        var transport = AccuracyTransports.Parse(parse.GetValue(Transport))
            ?? throw new CliException($"--transport must be one of {string.Join(", ", AccuracyTransports.Names)} (got '{parse.GetValue(Transport)}')");
        return options with { Jobs = parse.GetValue(Jobs), ShardRows = parse.GetValue(ShardRows), UseReferenceCache = !parse.GetValue(NoCache), Transport = transport };
    }

    /// <summary>The last thing a run writes (docs/cli.md), through the one exit record writer.</summary>
    private static void WriteExitRecord(string? path, RunStatus status, int exitCode, string? runId, string? runPath, string? reason, string? checkpoint)
    {
        if (path is not null)
        {
            ExitRecordFile.Write(path, new Core.Orchestration.ExitRecord(status, exitCode, runId, runPath, reason, Environment.ProcessId, DateTimeOffset.UtcNow, checkpoint));
        }
    }

    private static int? AdapterMemory(ParseResult parse) => parse.GetValue(AdapterMemoryMb) switch
    {
        null => null,
        < RunLimits.MinAdapterMemoryMb and var mb => throw new CliException(RunCommandSupport.Inv($"{RunCommandLine.AdapterMemoryMb} must be at least {RunLimits.MinAdapterMemoryMb} (got {mb})")),
        var mb => mb,
    };

    private static bool IsGiven(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
