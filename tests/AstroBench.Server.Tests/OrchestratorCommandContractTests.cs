using System.CommandLine;
using AstroBench.Cli.Commands;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;
using AstroBench.Server.Execution;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Spectre.Console;

namespace AstroBench.Server.Tests;

/// <summary>The argv the server builds for a job parses back, through the CLI's real System.CommandLine definition, to the same run.</summary>
public sealed class OrchestratorCommandContractTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-argv-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<JobConfig, string?> Configs() => new()
    {
        { new JobConfig(["gmst_era", "kepler_solver"], ["libnova", "erfa-dotnet"], 1000, 42, 5, false, false), "nightly" },
        { new JobConfig(["all"], null, RunLimits.MaxN, (int)RunLimits.MaxSeed, RunLimits.MaxPerfRounds, true, true), null },
        { new JobConfig(["gmst_era"], ["libnova"], RunLimits.MinN, (int)RunLimits.MinSeed, RunLimits.MinPerfRounds, false, true),
            "-x --n 5 @responsefile, a=b | ü\nsecond line" },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void ServerArgv_ParsesBackThroughTheCli_ToTheSameOptions(JobConfig config, string? notes)
    {
        using var _ = new CultureScope("de-DE");
        var options = new AstroBenchServerOptions
        {
            Root = _root,
            OrchestratorPath = Lab.OrchestratorDll,
            AdapterDirs = [Path.Combine(Lab.RepoRoot, "adapters"), Path.Combine(Lab.RepoRoot, "tests", "fixtures", "adapters")],
        };
        var paths = new ServerPaths(options);
        var command = new OrchestratorCommand(options, paths);

        var argv = command.Build("0123456789ab", config, notes, adapterMemoryMb: 300);
        var program = command.Program();
        Assert.Equal(program, argv.Take(program.Count));
        var invocation = Parse(argv.Skip(program.Count).ToArray());

        var run = invocation.Options;
        Assert.Equal(config.Experiments, run.Experiments);
        Assert.Equal(config.Libraries, run.Libraries);
        Assert.Equal(config.N, run.N);
        Assert.Equal(config.Seed, run.Seed);
        Assert.Equal(config.PerfRounds, run.PerfRounds);
        Assert.Equal(config.NoPerf, run.NoPerf);
        Assert.Equal(config.CiMode, run.CiMode);
        Assert.Equal(notes, run.Notes);
        Assert.Equal(paths.ResultsDir, run.ResultsDir);
        Assert.Equal(paths.AdapterDirs, run.AdapterDirs);
        Assert.Equal(paths.LogFile("0123456789ab"), invocation.LogFile);
        Assert.Equal(paths.ExitRecordFile("0123456789ab"), invocation.ExitRecord);
        Assert.Equal(300, run.AdapterMemoryMb);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AccuracyJobs_ShareTheCores_OfTheAccuracyJobsThatMayRunAtOnce(bool noPerf)
    {
        // As many parallel accuracy jobs as cores: each gets one accuracy call at a time, not every core.
        var options = new AstroBenchServerOptions { Root = _root, OrchestratorPath = Lab.OrchestratorDll, MaxParallelAccuracyJobs = Environment.ProcessorCount };
        var command = new OrchestratorCommand(options, new ServerPaths(options));
        var argv = command.Build("0123456789ab", new JobConfig(["gmst_era"], ["libnova"], 10, 1, 3, noPerf, false), null);
        var run = Parse(argv.Skip(command.Program().Count).ToArray()).Options;
        Assert.Equal(noPerf ? 1 : Environment.ProcessorCount, run.Jobs);
    }

    [Fact]
    public void EveryOptionTheServerPasses_IsDeclaredByTheCli()
    {
        var declared = RunCommand.Create(Console()).Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var all = RunCommandLine.Build(new RunArguments
        {
            Experiments = ["gmst_era"], Libraries = ["libnova"], N = 1, Seed = 1, PerfRounds = 1, NoPerf = true, CiMode = true,
            MaxPerfRounds = 3, PerfCvTargetPercent = 2.5, PerfBudgetSeconds = 0.5,
            ResultsDir = "/r", AdapterDirs = ["/a"], Notes = "n", Testbed = "t", LogFile = "/l", ExitRecord = "/e", TimeoutSeconds = 1,
            Resume = "/c", Discard = "/d", AdapterMemoryMb = 256, Jobs = 2, ShardRows = 5000, NoCache = true, Transport = "hex",
        });

        Assert.Equal(RunCommandLine.Command, all[0]);
        Assert.All(all.Skip(1), token => Assert.Contains(token.Split('=')[0], declared));
        Assert.Equal(declared.Order(StringComparer.Ordinal), all.Skip(1).Select(t => t.Split('=')[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Timeout_IsWrittenAndReadInvariantly_UnderDeDe()
    {
        using var _ = new CultureScope("de-DE");
        var argv = RunCommandLine.Build(new RunArguments { ResultsDir = _root, AdapterDirs = [_root], TimeoutSeconds = 0.5 });

        Assert.Contains("--timeout=0.5", argv);
        Assert.Equal(TimeSpan.FromSeconds(0.5), Parse([.. argv]).Options.CallTimeout);
    }

    [Fact]
    public void RoundRuleOptions_AreWrittenAndReadInvariantly_UnderDeDe()
    {
        using var _ = new CultureScope("de-DE");
        var argv = RunCommandLine.Build(new RunArguments
        {
            ResultsDir = _root, AdapterDirs = [_root], PerfRounds = 4, MaxPerfRounds = 9, PerfCvTargetPercent = 2.5, PerfBudgetSeconds = 0.75,
        });

        Assert.Contains("--perf-cv-target=2.5", argv);
        var options = Parse([.. argv]).Options;
        Assert.Equal((4, 9, 2.5, 0.75), (options.PerfRounds, options.MaxPerfRounds, options.PerfCvTargetPercent, options.PerfBudgetSeconds));
    }

    private static RunCommand.Invocation Parse(string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(RunCommand.Create(Console()));
        var parse = root.Parse(args);
        Assert.Empty(parse.Errors.Select(e => e.Message));
        return RunCommand.Bind(parse);
    }

    private static IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
}
