using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;
using AstroBench.Core.Statistics;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// Protocol 3 on the orchestrator's side: per-op figures are raw minus the reported empty-loop cost, v1 adapters keep
/// working with the cost unknown, and an adapter declaring 3 without the fields is refused (run and <c>adapters check</c>).
/// The fixtures answer fixed figures: no timing value is asserted.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class PerfLoopCostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-loopcost-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Measured(PerformanceSummary? Summary, CallOutcome Outcome, string? Detail);

    /// <summary>Three rounds exactly (max = planned), through the schedule a run uses.</summary>
    /// <summary>Values per process, fixed: three, so that a round's median can leave one out (the managed default is two).</summary>
    private const int Values = 3;

    private static async Task<Measured> MeasureAsync(AdapterInfo adapter)
    {
        var def = ExperimentCatalog.Find("gmst_era")!;
        var inputs = def.Generator.Generate(8, 1);
        var measurer = new PerfMeasurer(new AdapterProcessRunner(TimeSpan.FromSeconds(60)));
        var schedule = new TimingSchedule(measurer, new RoundsPolicy(3, 3, RoundsPolicy.DefaultCvTargetPercent, TimeSpan.FromMinutes(10), Values), TimeProvider.System);
        var outcome = await schedule.MeasureAsync([adapter], def, inputs, TimeSpan.FromMilliseconds(100), (_, _, _, _) => { }, default);
        return outcome.Summaries is { } s
            ? new Measured(s[0], CallOutcome.Completed, null)
            : new Measured(null, outcome.Failure!.Outcome, outcome.Failure.Detail);
    }

    /// <summary>A folder holding only the given fixtures (links), optionally with the manifest's protocol replaced.</summary>
    private string Only(string fixture, string? protocol = null) => FixtureFolders.Only(_dir, fixture, protocol);

    private AdapterInfo Load(string fixture, string? protocol = null) => AdapterRegistry.Load([Only(fixture, protocol)]).Find(fixture)!;

    [Fact]
    public async Task Protocol4Round_IsTheMedianOfItsProcessValues_AndEveryValueIsRecorded()
    {
        // The fixture's 3 values are 100 ns/op raw, the last one 400: the median ignores it.
        var m = await MeasureAsync(Load("fixedperf", "[1, 3, 4]"));

        Assert.Equal(CallOutcome.Completed, m.Outcome);
        var s = m.Summary!;
        Assert.Equal(Values, s.ValuesPerRound);
        Assert.All(s.SamplesNs, x => Assert.Equal(100 - 30, x));
        Assert.Equal(3, s.RoundValuesNs!.Count);
        Assert.All(s.RoundValuesNs, values => Assert.Equal([70.0, 70, 370], values));
        Assert.All(s.Loop!.RawSamplesNs, x => Assert.Equal(100, x));
    }

    [Fact]
    public async Task Protocol3Adapter_IsAskedForNoValues()
    {
        var m = await MeasureAsync(Load("fixedperf"));

        Assert.Null(m.Summary!.ValuesPerRound);
        Assert.Null(m.Summary.RoundValuesNs);
    }

    [Fact]
    public async Task Protocol4AdapterWithoutTheValues_IsInvalidOutput_InARun()
    {
        var m = await MeasureAsync(Load("novalues"));

        Assert.Equal(CallOutcome.InvalidOutput, m.Outcome);
        Assert.Contains("0 values_ns for values 3", m.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdaptersCheck_Fails_ForAProtocol4AdapterWithoutTheValues_AndPassesOneListingThem()
    {
        var broken = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only("novalues"));
        var v4 = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only("fixedperf", "[1, 3, 4]"));

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(broken.Lines, l => l.Contains("gmst_era perf (protocol 4)", StringComparison.Ordinal)
            && l.Contains("0 values_ns for values 3", StringComparison.Ordinal));
        Assert.True(v4.ExitCode == 0, v4.All);
        Assert.Contains(v4.Lines, l => l.Contains("gmst_era perf (protocol 4): loop cost, warm-up and values reported", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PerOpFigures_AreRawMinusTheEmptyLoopCost_AndBothAreRecorded()
    {
        var m = await MeasureAsync(Load("fixedperf"));

        Assert.Equal(CallOutcome.Completed, m.Outcome);
        var s = m.Summary!;
        Assert.All(s.SamplesNs, x => Assert.Equal(100 - 30, x));
        Assert.Equal(70, s.MedianNs);
        var loop = s.Loop!;
        Assert.True(loop.Subtracted);
        Assert.Equal(30, loop.EmptyLoopNsPerOp);
        Assert.Equal(100, loop.RawMedianNs);
        Assert.All(loop.RawSamplesNs, x => Assert.Equal(100, x));
        Assert.Equal(LoopCost.WarmupAuto, loop.Warmup);
        Assert.Equal([7L, 7L, 7L], loop.WarmupOps!);
        Assert.Equal(3, loop.WarmupSteadyRounds);
    }

    [Fact]
    public async Task Version1Adapter_KeepsWorking_WithTheLoopCostUnknownAndSaidSo()
    {
        var m = await MeasureAsync(Load("fixedperf", "1"));

        Assert.Equal(CallOutcome.Completed, m.Outcome);
        Assert.Equal(100, m.Summary!.MedianNs);
        var loop = m.Summary.Loop!;
        Assert.False(loop.Subtracted);
        Assert.Null(loop.EmptyLoopNsPerOp);
        Assert.Equal(LoopCost.UnknownNote, loop.Note);
        Assert.Equal(LoopCost.WarmupFixed, loop.Warmup);
        Assert.Null(loop.WarmupSteadyRounds);
    }

    [Fact]
    public async Task Protocol3AdapterWithoutTheLoopCost_IsInvalidOutput_InARun()
    {
        var m = await MeasureAsync(Load("noloopcost"));

        Assert.Equal(CallOutcome.InvalidOutput, m.Outcome);
        Assert.Contains("empty_loop_ns_per_op", m.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdaptersCheck_Fails_ForAProtocol3AdapterWithoutTheLoopCost()
    {
        var r = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only("noloopcost"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.Lines, l => l.Contains("gmst_era perf (protocol 3)", StringComparison.Ordinal)
            && l.Contains("without empty_loop_ns_per_op", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdaptersCheck_Passes_ForAProtocol3AdapterReportingIt_AndDoesNotAskAVersion1One()
    {
        var v3 = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only("fixedperf"));
        var v1 = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Only("noloopcost", "1"));

        Assert.True(v3.ExitCode == 0, v3.All);
        Assert.Contains(v3.Lines, l => l.Contains("gmst_era perf (protocol 3): loop cost and warm-up reported", StringComparison.Ordinal));
        Assert.True(v1.ExitCode == 0, v1.All);
        Assert.DoesNotContain(v1.Lines, l => l.Contains("perf (protocol 3)", StringComparison.Ordinal));
    }

    /// <summary>fixedperf with its <c>warmup_ops</c> replaced by 10: above the bound for a value of fewer than 20 ops.</summary>
    private AdapterInfo OverWarm()
    {
        var adapter = Directory.CreateDirectory(Path.Combine(_dir, "overwarm", "overwarm")).FullName;
        var manifest = File.ReadAllText(Path.Combine(Repo.Fixtures, "fixedperf", "adapter.json"));
        File.WriteAllText(Path.Combine(adapter, "adapter.json"), manifest.Replace("\"name\": \"fixedperf\"", "\"name\": \"overwarm\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(adapter, "adapter.sh"),
            $"#!/bin/sh\nsh '{Path.Combine(Repo.Fixtures, "fixedperf", "adapter.sh")}' \"$@\" | sed 's/^warmup_ops .*/warmup_ops 10/'\n");
        return AdapterRegistry.Load([Path.GetDirectoryName(adapter)!]).Find("overwarm")!;
    }

    [Fact]
    public async Task AWarmupAboveTheBound_IsInvalidOutput_InARound_AndFailsAdaptersCheck()
    {
        var adapter = OverWarm();
        var def = ExperimentCatalog.Find("gmst_era")!;
        var measurer = new PerfMeasurer(new AdapterProcessRunner(TimeSpan.FromSeconds(60)));

        var small = await measurer.RoundAsync(adapter, def, def.Generator.Generate(8, 1), roundOps: 4, round: 1, default);
        var large = await measurer.RoundAsync(adapter, def, def.Generator.Generate(8, 1), roundOps: 40, round: 1, default);
        var check = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Path.Combine(_dir, "overwarm"));

        Assert.Equal(CallOutcome.InvalidOutput, small.Failure?.Outcome);
        Assert.Contains("warmup_ops 10, above the warm-up bound of 2 for a value of 4 ops", small.Failure!.Detail, StringComparison.Ordinal);
        Assert.Null(large.Failure); // 10 of 40 ops: within the bound of 20
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(check.Lines, l => l.Contains("gmst_era perf (protocol 3)", StringComparison.Ordinal)
            && l.Contains("above the warm-up bound of 2 for a value of 4 ops", StringComparison.Ordinal));
    }
}
