using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;
using AstroBench.Tests.Shared;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// Pre-started timing processes (protocol 6, docs/engine.md "Pre-started timing processes"): a protocol 6 library's rounds
/// come from processes started ahead that wrote their ready line, and give what just-in-time processes give (samples,
/// order, process count); a cancelled cycle, a process that is never ready and one that writes the wrong line leave no
/// process behind and fail with a clear detail. The fixture (tests/fixtures/adapters/ready) answers fixed figures.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class PrestartTests : IDisposable
{
    private static readonly ExperimentDefinition GmstEra = ExperimentCatalog.Find("gmst_era")!;
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-prestart-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A copy of the ready fixture named <paramref name="name"/> (links), speaking <paramref name="protocol"/>, with steering files.</summary>
    private AdapterInfo Fixture(string name, string protocol = "[1, 3, 4, 5, 6]", params string[] files)
    {
        var folder = Path.Combine(_dir, name);
        Directory.CreateDirectory(folder);
        File.CreateSymbolicLink(Path.Combine(folder, "adapter.sh"), Path.Combine(Repo.Fixtures, "ready", "adapter.sh"));
        File.WriteAllText(Path.Combine(folder, "adapter.json"), File.ReadAllText(Path.Combine(Repo.Fixtures, "ready", "adapter.json"))
            .Replace("\"name\": \"ready\"", $"\"name\": \"{name}\"", StringComparison.Ordinal)
            .Replace("\"protocol\": [1, 3, 4, 5, 6]", "\"protocol\": " + protocol, StringComparison.Ordinal));
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(folder, file), "");
        }
        return AdapterRegistry.Load([_dir]).Find(name)!;
    }

    private static TimingSchedule Schedule(AdapterProcessRunner runner, TimeSpan? readyTimeout = null) =>
        new(new PerfMeasurer(runner), new RoundsPolicy(3, 3, RoundsPolicy.DefaultCvTargetPercent, TimeSpan.FromMinutes(10)), TimeProvider.System, null, readyTimeout);

    private static Task<TimingSchedule.Outcome> MeasureAsync(TimingSchedule schedule, IReadOnlyList<AdapterInfo> adapters, CancellationToken ct = default) =>
        schedule.MeasureAsync(adapters, GmstEra, GmstEra.Generator.Generate(8, 1), TimeSpan.FromMilliseconds(100), (_, _, _, _) => { }, ct);

    private int ReadyLines(string name) =>
        File.Exists(Path.Combine(_dir, name, "ready.log")) ? File.ReadAllLines(Path.Combine(_dir, name, "ready.log")).Length : 0;

    /// <summary>Every process any fixture copy started (its pid file) has exited and been reaped.</summary>
    private void AssertNoneLeft()
    {
        var pids = Directory.GetDirectories(_dir).SelectMany(d => Directory.Exists(Path.Combine(d, "pids")) ? Directory.GetFiles(Path.Combine(d, "pids")) : []).ToList();
        Assert.NotEmpty(pids);
        Assert.All(pids, pid => Assert.False(Directory.Exists("/proc/" + Path.GetFileName(pid)), $"adapter process {Path.GetFileName(pid)} is still there"));
    }

    [Fact]
    public async Task Prestarted_GiveTheSameSamplesOrderAndProcessesAsJustInTime()
    {
        var jitRunner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        var jit = await MeasureAsync(Schedule(jitRunner), [Fixture("jita", "[1, 3, 4, 5]"), Fixture("jitb", "[1, 3, 4, 5]")]);
        var preRunner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        var pre = await MeasureAsync(Schedule(preRunner), [Fixture("prea"), Fixture("preb")]);

        Assert.Null(pre.Failure);
        Assert.Equal(0, ReadyLines("jita") + ReadyLines("jitb")); // just in time: never asked for a ready line
        Assert.Equal(3, ReadyLines("prea")); // every round's process was started ahead and announced itself
        Assert.Equal(3, ReadyLines("preb"));
        Assert.Equal(jitRunner.Calls, preRunner.Calls); // no process started and left unused
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(jit.Summaries![i].SamplesNs, pre.Summaries![i].SamplesNs);
            Assert.Equal(jit.Summaries[i].RoundSequence, pre.Summaries[i].RoundSequence);
            Assert.Equal(jit.Summaries[i].OpsPerRound, pre.Summaries[i].OpsPerRound);
        }
        AssertNoneLeft();
    }

    [Fact]
    public async Task JustInTimeCalls_NeverPassOnAnInheritedReadyVariable()
    {
        // Harmless to tests running beside this one: every adapter process is started through the same guard.
        Environment.SetEnvironmentVariable(ProtocolConstants.ReadyEnvironment, "1");
        try
        {
            var outcome = await MeasureAsync(Schedule(new AdapterProcessRunner(TimeSpan.FromSeconds(60))), [Fixture("inherit", "[1, 3, 4, 5]")]);
            Assert.Null(outcome.Failure);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ProtocolConstants.ReadyEnvironment, null);
        }
        Assert.Equal(0, ReadyLines("inherit"));
    }

    [Fact]
    public async Task CancelMidCycle_LeavesNoAdapterProcess()
    {
        using var cts = new CancellationTokenSource();
        var held = Fixture("heldb", files: "hold");
        var measuring = MeasureAsync(Schedule(new AdapterProcessRunner(TimeSpan.FromSeconds(60))), [Fixture("helda"), held], cts.Token);
        // Library a's round is done, b's round process got its request and holds; b's (and a's) other processes wait idle.
        await Eventually.True(() => Directory.Exists(Path.Combine(_dir, "heldb", "held")) && Directory.GetFiles(Path.Combine(_dir, "heldb", "held")).Length > 0,
            "the held round's process got its request");
        await cts.CancelAsync();
        var outcome = await measuring;

        Assert.Equal("heldb", outcome.Failed!.Name);
        Assert.Equal(CallOutcome.Cancelled, outcome.Failure!.Outcome);
        Assert.True(ReadyLines("helda") + ReadyLines("heldb") >= 2);
        AssertNoneLeft();
    }

    [Fact]
    public async Task NeverReady_FailsWithTheReadyTimeout_AndLeavesNoProcess()
    {
        var outcome = await MeasureAsync(Schedule(new AdapterProcessRunner(TimeSpan.FromSeconds(60)), TimeSpan.FromSeconds(1)), [Fixture("silent", files: "silent")]);

        Assert.True(CallOutcome.TimedOut == outcome.Failure!.Outcome, outcome.Failure.Detail);
        Assert.Equal("round 1: no ready line within 1 s (protocol 6: 'ABP ready' on stdout after the imports, before reading stdin)", outcome.Failure.Detail);
        AssertNoneLeft();
    }

    [Fact]
    public async Task WrongFirstLine_IsInvalidOutput_AndLeavesNoProcess()
    {
        var outcome = await MeasureAsync(Schedule(new AdapterProcessRunner(TimeSpan.FromSeconds(60))), [Fixture("wrong", files: "wrong")]);

        Assert.Equal(CallOutcome.InvalidOutput, outcome.Failure!.Outcome);
        Assert.StartsWith("round 1: not ready: its first line was 'hello', not the ready line 'ABP ready'", outcome.Failure.Detail, StringComparison.Ordinal);
        AssertNoneLeft();
    }

    [Fact]
    public async Task AdaptersCheck_AsksAProtocol6AdapterForItsReadyLine()
    {
        Fixture("checkok");
        var ok = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", _dir);
        Fixture("checkwrong", files: "wrong");
        var wrong = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", _dir);

        Assert.True(ok.ExitCode == 0, ok.All);
        Assert.Contains(ok.Lines, l => l.Contains("✓ ready line (protocol 6): written before the request, then a perf answer", StringComparison.Ordinal));
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains(wrong.Lines, l => l.Contains("✗ ready line (protocol 6): not ready: its first line was 'hello'", StringComparison.Ordinal));
    }

    /// <summary>Every runtime's common helper writes the ready line when asked, then answers a perf request as usual.</summary>
    [Theory]
    [InlineData("erfa", "gmst_era")] // C: abp.c
    [InlineData("casacore", "gmst_era")] // C++: abp.c
    [InlineData("astropy", "gmst_era")] // Python: abp.py
    [InlineData("skyfield", "gmst_era")]
    [InlineData("astronomy-engine", "gmst_era")] // JavaScript: abp.mjs
    [InlineData("ephemeris", "solar_position")]
    [InlineData("erfa-dotnet", "gmst_era")] // C#: Program.cs
    public async Task RealAdapters_WriteTheReadyLine_ThenAnswer(string name, string experiment)
    {
        var adapter = AdapterRegistry.Load([Repo.Adapters]).Find(name)!;
        Assert.True(adapter.Manifest.SpeaksV6);
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        await using var process = PrestartedProcess.Start(runner, adapter, default);
        Assert.NotNull(process);
        Assert.Null(await process.WaitReadyAsync(TimeSpan.FromSeconds(60)));
        var call = await process.CallAsync(AdapterRequest.Perf(experiment, ExperimentCatalog.Find(experiment)!.Generator.Generate(4, 1), 8, 0, warmupAuto: true, values: 2), 0);

        Assert.Equal(CallOutcome.Completed, call.Outcome);
        Assert.Equal(16, call.Perf!.Ops);
    }
}
