using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Protocol;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Adapters;

/// <summary>
/// Protocol 5 (<c>ops auto</c>): a protocol 5 adapter's first round is its own pilot, so no separate pilot process runs,
/// and it times the same unit of work as the separate pilots give; an older adapter is still piloted by processes; an
/// answer without its pilot is refused (run and <c>adapters check</c>); every real runtime (C, Python, JavaScript, C#)
/// round-trips it. The fixtures answer fixed figures and the real runtimes' figures are not asserted: no timing value is.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class OpsAutoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("astrobench-opsauto-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ExperimentDefinition GmstEra = ExperimentCatalog.Find("gmst_era")!;

    /// <summary>A folder holding only the fixture (links), with the manifest's protocol replaced when given.</summary>
    private string Fixture(string fixture, string? protocol = null, string? language = null)
    {
        var dir = Path.Combine(_dir, fixture + (protocol is null ? "" : "-" + protocol.Length) + (language is null ? "" : "-" + language));
        var adapter = Path.Combine(dir, fixture);
        Directory.CreateDirectory(adapter);
        File.CreateSymbolicLink(Path.Combine(adapter, "adapter.sh"), Path.Combine(Repo.Fixtures, fixture, "adapter.sh"));
        var manifest = File.ReadAllText(Path.Combine(Repo.Fixtures, fixture, "adapter.json"));
        File.WriteAllText(Path.Combine(adapter, "adapter.json"),
            (protocol is null ? manifest : manifest.Replace("\"protocol\": [1, 3]", "\"protocol\": " + protocol, StringComparison.Ordinal))
                .Replace("\"language\": \"sh\"", "\"language\": \"" + (language ?? "sh") + "\"", StringComparison.Ordinal));
        return dir;
    }

    /// <summary>Three rounds exactly through the schedule a run uses; the summary (or failure) and the processes started.</summary>
    private static async Task<(TimingSchedule.Outcome Outcome, int Processes)> MeasureAsync(string adaptersDir, string name)
    {
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        var schedule = new TimingSchedule(new PerfMeasurer(runner), new RoundsPolicy(3, 3, RoundsPolicy.DefaultCvTargetPercent, TimeSpan.FromMinutes(10)), TimeProvider.System);
        var outcome = await schedule.MeasureAsync([AdapterRegistry.Load([adaptersDir]).Find(name)!], GmstEra, GmstEra.Generator.Generate(8, 1),
            TimeSpan.FromMilliseconds(100), (_, _, _, _) => { }, default);
        return (outcome, runner.Calls);
    }

    [Fact]
    public async Task Protocol5_StartsOneProcessPerRound_AndTimesTheUnitOfWorkTheSeparatePilotsGive()
    {
        var v5 = await MeasureAsync(Fixture("fixedperf", "[1, 3, 4, 5]"), "fixedperf");
        var v4 = await MeasureAsync(Fixture("fixedperf", "[1, 3, 4]"), "fixedperf");

        Assert.Equal(3, v5.Processes); // three rounds, the first one its own pilot
        Assert.Equal(3 + 2, v4.Processes); // the old way: a 1-op pilot, then one of 100,000 ops (10 ms at 100 ns/op)
        // 100 ns/op over 8 cases: 125,000 passes in 100 ms, both ways.
        Assert.Equal(1_000_000, v5.Outcome.Summaries![0].OpsPerRound);
        Assert.Equal(1_000_000, v4.Outcome.Summaries![0].OpsPerRound);
        Assert.Equal(v4.Outcome.Summaries[0].SamplesNs, v5.Outcome.Summaries[0].SamplesNs);
    }

    [Fact]
    public async Task Protocol5_ForJavaScript_TheSelfPilotedRoundIsThePilotOnly_AndThePlannedRoundsFollow()
    {
        var js = await MeasureAsync(Fixture("fixedperf", "[1, 3, 4, 5]", "javascript"), "fixedperf");
        var sh = await MeasureAsync(Fixture("fixedperf", "[1, 3, 4, 5]"), "fixedperf");

        Assert.Equal(1 + 3, js.Processes); // the pilot's process, then three rounds warmed up alike
        Assert.Equal(3, sh.Processes);
        Assert.Equal(3, js.Outcome.Summaries![0].SamplesNs.Count);
        Assert.Equal([0, 1, 2], js.Outcome.Summaries[0].RoundSequence!);
        Assert.Equal(sh.Outcome.Summaries![0].OpsPerRound, js.Outcome.Summaries[0].OpsPerRound);
    }

    [Fact]
    public async Task Protocol5_ForJavaScript_ThePilotOnlyRoundTimesOneValue_AndEveryRoundItsEight()
    {
        // A wrapper logs each request's values line, then hands the request to the fixture.
        var dir = Fixture("fixedperf", "[1, 3, 4, 5]", "javascript");
        var folder = Path.Combine(dir, "fixedperf");
        var log = Path.Combine(folder, "values.log");
        File.Delete(Path.Combine(folder, "adapter.sh")); // the link; the manifest runs `sh adapter.sh`
        File.WriteAllText(Path.Combine(folder, "adapter.sh"),
            $"#!/bin/sh\nreq=$(cat)\nprintf '%s\\n' \"$req\" | sed -n 's/^values //p' >> '{log}'\nprintf '%s\\n' \"$req\" | '{Path.Combine(Repo.Fixtures, "fixedperf", "adapter.sh")}'\n");

        var js = await MeasureAsync(dir, "fixedperf");

        Assert.Null(js.Outcome.Failure);
        // Its values would be thrown away: one is enough for the pilot (docs/engine.md, "Fewer processes for interpreted runtimes").
        Assert.Equal(["1", "8", "8", "8"], File.ReadAllLines(log));
        Assert.All(js.Outcome.Summaries![0].RoundValuesNs!, v => Assert.Equal(RoundsPolicy.DefaultValuesJavaScript, v.Count));
    }

    [Fact]
    public async Task Protocol5AnswerWithoutItsPilot_IsInvalidOutput_InARun()
    {
        var m = await MeasureAsync(Fixture("nopilot"), "nopilot");

        Assert.Equal(CallOutcome.InvalidOutput, m.Outcome.Failure!.Outcome);
        Assert.Contains("round 1: protocol 5 perf answer to ops auto without pilot_ops and pilot_ns", m.Outcome.Failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdaptersCheck_Fails_ForAProtocol5AdapterWithoutItsPilot_AndPassesOneReportingIt()
    {
        var broken = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Fixture("nopilot"));
        var v5 = await CliProcess.RunAsync(Repo.Root, "adapters", "check", "--adapters-dir", Fixture("fixedperf", "[1, 3, 4, 5]"));

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains(broken.Lines, l => l.Contains("gmst_era perf (protocol 5)", StringComparison.Ordinal)
            && l.Contains("without pilot_ops and pilot_ns", StringComparison.Ordinal));
        Assert.True(v5.ExitCode == 0, v5.All);
        Assert.Contains(v5.Lines, l => l.Contains("gmst_era perf (protocol 5): ops auto: pilot reported, values sized by the rule", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("erfa")] // C: adapters/common/abp.c
    [InlineData("skyfield")] // Python: abp.py
    [InlineData("astronomy-engine")] // JavaScript: abp.mjs
    [InlineData("erfa-dotnet")] // C#: PerfLoop.cs
    public async Task EveryRuntime_PilotsItself_AndSizesItsValuesByTheRule(string name)
    {
        var adapter = AdapterRegistry.Load([Repo.Adapters]).Find(name)!;
        var runner = new AdapterProcessRunner(TimeSpan.FromSeconds(60));
        var inputs = GmstEra.Generator.Generate(8, 1);
        var auto = new PerfAuto(200_000, 400_000);

        var call = await runner.CallAsync(adapter, AdapterRequest.Perf(GmstEra.Id, inputs, 1, 0, warmupAuto: true, values: 3, auto), 0, default);
        var badTargets = await runner.CallAsync(adapter, AdapterRequest.Perf(GmstEra.Id, inputs, 1, 0, warmupAuto: true, values: 3, new PerfAuto(0, 400_000)), 0, default);

        Assert.True(adapter.Manifest.SpeaksV5);
        Assert.True(call.Outcome == CallOutcome.Completed, call.Detail);
        Assert.Null(PilotRule.CheckAuto(call.Perf!, auto, 8, 3));
        Assert.Equal(3, call.Perf!.ValuesNs!.Count);
        Assert.Equal(CallOutcome.InvalidOutput, badTargets.Outcome);
        Assert.Contains("ops auto needs positive pilot_target_ns and value_target_ns", badTargets.Detail, StringComparison.Ordinal);
    }
}
