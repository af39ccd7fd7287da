using System.Text.RegularExpressions;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Results;

namespace AstroBench.Cli.Tests.Run;

[Collection(AdaptersCollection.Name)]
public sealed partial class RunCommandTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    private static readonly string[] CoreIds =
        ["frame_rotation_bpn", "gmst_era", "equ_ecl", "equ_horizontal", "solar_position", "lunar_position", "kepler_solver"];

    // libnova is named so the tests do not change when another adapter is added to adapters/.
    private Task<CliResult> Run(params string[] args) =>
        CliProcess.RunAsync(_lab.Dir, ["run", "--adapters-dir", Repo.Adapters, "--libraries", "libnova", .. args]);

    [GeneratedRegex(@"^\[PROGRESS\] experiment=[a-z_0-9]+ step=(inputs|accuracy|score|perf|write) current=\d+ total=\d+ \| .*$")]
    private static partial Regex ProgressLine();

    [Fact]
    public async Task AllSevenExperiments_PublishACompleteRunFolder_WithTheReferenceScoringExactlyZero()
    {
        var result = await Run("--n", "300", "--no-perf", "--experiments", string.Join(',', CoreIds));

        Assert.True(result.ExitCode == 0, result.All);
        var run = Assert.Single(_lab.Runs());
        Assert.True(RunIds.IsValid(Path.GetFileName(run)));
        var folder = new RunFolder(run);
        var manifest = folder.Manifest;
        Assert.True(manifest.Completeness.Complete);
        Assert.Equal(CoreIds, manifest.Completeness.Completed);
        Assert.Contains("erfa", manifest.Config.Libraries);
        Assert.Contains("libnova", manifest.Config.Libraries);
        Assert.All(manifest.Adapters, a => Assert.DoesNotContain("unknown", a.Version, StringComparison.Ordinal));
        foreach (var experiment in CoreIds)
        {
            var entry = Assert.Single(manifest.Results, r => r.Experiment == experiment && r.Role == "reference");
            var reference = folder.Result(experiment, entry.Library);
            Assert.Equal("reference", reference.Parity);
            // Against itself every comparison metric is exactly 0; self checks (closure, residual) measure the library alone.
            Assert.All(reference.Accuracy!.Metrics.Values.Where(m => !m.SelfCheck), m => Assert.Equal(0.0, m.Max));
            Assert.Equal(300, reference.Dataset.N);
            Assert.All(folder.Cases(experiment).Values, column => Assert.Equal(300, column.Length));
            Assert.True(File.Exists(Path.Combine(run, experiment, "summary.md")));
            Assert.Equal("completed", folder.Result(experiment, "libnova").Outcome);
        }
        Assert.Contains("## Parity matrix", File.ReadAllText(Path.Combine(run, "summary.md")), StringComparison.Ordinal);
        Assert.Contains(result.Lines, l => l.StartsWith("[RUN] finish status=completed", StringComparison.Ordinal));
        Assert.All(result.Lines.Where(l => l.StartsWith("[PROGRESS]", StringComparison.Ordinal)), l => Assert.Matches(ProgressLine(), l));
        Assert.False(Directory.EnumerateFileSystemEntries(Path.Combine(_lab.Results, ".staging")).Any());
    }

    [Fact]
    public async Task Libnova_ShowsThePlausibleIau1980ModelGap_NotAFrameMixUp()
    {
        var result = await Run("--n", "500", "--no-perf", "--experiments", "frame_rotation_bpn,equ_ecl,gmst_era");
        Assert.True(result.ExitCode == 0, result.All);
        var folder = new RunFolder(Assert.Single(_lab.Runs()));

        // IAU 1976/1980 vs 2006/2000A over 1900–2100, plus the 23 mas frame bias: tens of mas to ~2″.
        var bpn = folder.Result("frame_rotation_bpn", "libnova").Accuracy!.Metrics["angular_error_mas"];
        Assert.InRange(bpn.P50, 20, 2000);
        Assert.InRange(bpn.Max, 20, 3000);
        // The original lab's ~1,800″ equ_ecl error came from handing ICRS to a function expecting coordinates of date.
        var ecl = folder.Result("equ_ecl", "libnova").Accuracy!;
        Assert.InRange(ecl.Metrics["angular_error_mas"].P50, 1, 3000);
        Assert.InRange(ecl.Metrics["closure_error_mas"].Max, 0, 1);
        // GMST 1982 vs 2006: ~0.1″ per century.
        var gmst = folder.Result("gmst_era", "libnova").Accuracy!;
        Assert.InRange(gmst.Metrics["gmst_error_arcsec"].Max, 0.01, 0.5);
        Assert.Contains("era_rad", gmst.NotProvided);
        Assert.False(gmst.Metrics.ContainsKey("era_error_arcsec"));
    }

    [Fact]
    public async Task SameSeed_GivesIdenticalCasesAndFingerprints_AnotherSeedDiffers()
    {
        string[] args = ["--n", "400", "--no-perf", "--experiments", "frame_rotation_bpn,kepler_solver,lunar_position"];
        Assert.Equal(0, (await Run([.. args, "--seed", "11"])).ExitCode);
        Assert.Equal(0, (await Run([.. args, "--seed", "11"])).ExitCode);
        Assert.Equal(0, (await Run([.. args, "--seed", "12"])).ExitCode);
        var runs = _lab.Runs().Select(r => new RunFolder(r)).ToArray();
        Assert.Equal(3, runs.Length);

        foreach (var experiment in new[] { "frame_rotation_bpn", "kepler_solver", "lunar_position" })
        {
            Assert.Equal(runs[0].CasesBytes(experiment), runs[1].CasesBytes(experiment));
            Assert.Equal(runs[0].Result(experiment, "libnova").Dataset.Fingerprint, runs[1].Result(experiment, "libnova").Dataset.Fingerprint);
            Assert.NotEqual(runs[0].Result(experiment, "libnova").Dataset.Fingerprint, runs[2].Result(experiment, "libnova").Dataset.Fingerprint);
        }
    }

    [Fact]
    public async Task ResultsAreIdentical_UnderAGermanCulture()
    {
        string[] args = ["run", "--adapters-dir", Repo.Adapters, "--libraries", "libnova", "--n", "200", "--no-perf", "--experiments", "gmst_era"];
        var invariant = await CliProcess.Start(_lab.Dir, args, new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" }).WaitAsync();
        var german = await CliProcess.Start(_lab.Dir, args, new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" }).WaitAsync();
        Assert.Equal(0, invariant.ExitCode);
        Assert.Equal(0, german.ExitCode);

        var runs = _lab.Runs();
        var a = File.ReadAllText(Path.Combine(runs[0], "gmst_era", "libnova.json"));
        var b = File.ReadAllText(Path.Combine(runs[1], "gmst_era", "libnova.json"));
        Assert.Equal(a, b);
        Assert.Equal(new RunFolder(runs[0]).CasesBytes("gmst_era"), new RunFolder(runs[1]).CasesBytes("gmst_era"));
    }

    [Fact]
    public async Task CiMode_GivesSmokeFigures_TooFewRounds_NoSpeedup()
    {
        var result = await Run("--n", "200", "--ci", "--experiments", "gmst_era");
        Assert.True(result.ExitCode == 0, result.All);
        var folder = new RunFolder(Assert.Single(_lab.Runs()));

        foreach (var library in new[] { "erfa", "libnova" })
        {
            var p = folder.Result("gmst_era", library).Performance!;
            Assert.False(p.Valid);
            Assert.StartsWith("too_few_rounds", p.InvalidReason, StringComparison.Ordinal);
            Assert.Null(p.SpeedupVsReference);
            Assert.Null(p.SpeedupCiLow);
            Assert.Null(p.SpeedupVerdict);
        }
        var summary = File.ReadAllText(Path.Combine(folder.Path, "gmst_era", "summary.md"));
        Assert.Contains("| — (too_few_rounds: 1 round", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("×", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerfRounds_ReportMedianDispersionAndSpeedup()
    {
        // --max-perf-rounds = --perf-rounds: a fixed count, whatever the CV on this machine; ASTROBENCH_CONTENTION=0: no
        // round of one library is taken again because this machine was contended, so the interleaving below is exact.
        using var run = CliProcess.Start(_lab.Dir, ["run", "--adapters-dir", Repo.Adapters, "--libraries", "libnova", "--n", "200", "--perf-rounds", "3",
            "--max-perf-rounds", "3", "--experiments", "gmst_era"], new Dictionary<string, string> { ["ASTROBENCH_CONTENTION"] = "0" });
        var result = await run.WaitAsync();
        Assert.True(result.ExitCode == 0, result.All);
        var folder = new RunFolder(Assert.Single(_lab.Runs()));

        var erfa = folder.Result("gmst_era", "erfa").Performance!;
        var libnova = folder.Result("gmst_era", "libnova").Performance!;
        Assert.Equal(3, erfa.SamplesNs.Count);
        Assert.Equal(3, libnova.Rounds);
        // A speedup exists only between two valid results (a shared machine may make either unstable).
        if (erfa.Valid && libnova.Valid)
        {
            Assert.Equal(1.0, erfa.SpeedupVsReference);
            Assert.Equal(erfa.MedianNs / libnova.MedianNs, libnova.SpeedupVsReference!.Value, 9);
            Assert.InRange(libnova.SpeedupVsReference.Value, libnova.SpeedupCiLow!.Value, libnova.SpeedupCiHigh!.Value);
            Assert.Equal(0.95, libnova.SpeedupCiLevel);
            Assert.NotNull(libnova.SpeedupVerdict);
        }
        else
        {
            Assert.Null(libnova.SpeedupVsReference);
            Assert.Null(libnova.SpeedupVerdict);
        }
        Assert.InRange(libnova.MedianNs, libnova.MinNs, libnova.MaxNs);
        // Rounds are sized from the pilot's ns/op (how long a round then lasts depends on this machine, so it is not
        // asserted): every round runs the same, sized op count, far more than the single op the pilot starts with.
        Assert.InRange(libnova.OpsPerRound, 2, 2_000_000_000);
        Assert.InRange(erfa.OpsPerRound, 2, 2_000_000_000);
        Assert.Equal(3, libnova.SamplesNs.Count);
        Assert.Equal(3, folder.Manifest.Config.PerfRounds);
        // Rounds interleaved across the libraries (reference first): erfa, libnova, erfa, libnova, erfa, libnova.
        Assert.Equal([0, 2, 4], erfa.RoundSequence!);
        Assert.Equal([1, 3, 5], libnova.RoundSequence!);
        Assert.Equal((3, 3), (libnova.RoundsPlanned, libnova.RoundsMax));
        Assert.True(libnova.RoundsStop is "planned" or "max_rounds", libnova.RoundsStop);
        var rounds = folder.Manifest.Rounds!;
        Assert.Equal((true, 3, 6, 0), (rounds.Interleaved, rounds.Planned, rounds.RoundsDone, rounds.ExtraRounds));
    }

    [Fact]
    public async Task TwentyProcessesStartedTogether_GiveTwentyDistinctFolders()
    {
        var processes = Enumerable.Range(0, 20)
            .Select(_ => CliProcess.Start(_lab.Dir, ["run", "--adapters-dir", Repo.Adapters, "--libraries", "libnova", "--n", "5", "--no-perf", "--experiments", "gmst_era"]))
            .ToList();
        var results = await Task.WhenAll(processes.Select(p => p.WaitAsync()));
        processes.ForEach(p => p.Dispose());

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.All));
        var runs = _lab.Runs().Select(Path.GetFileName).ToArray();
        Assert.Equal(20, runs.Distinct().Count());
        Assert.All(runs, id => Assert.True(RunIds.IsValid(id)));
    }

    [Fact]
    public async Task FromAnywhereInTheCheckout_FindsItsAdapters_AndHonoursResultsDir()
    {
        var cwd = Path.Combine(Repo.Root, "docs");
        var localResults = Path.Combine(cwd, "results");
        string[] Entries() => Directory.Exists(localResults) ? Directory.GetFileSystemEntries(localResults) : [];
        var before = Entries();

        var result = await CliProcess.RunAsync(cwd,
            "run", "--experiments", "kepler_solver", "--libraries", "libnova", "--n", "10", "--no-perf", "--results-dir", _lab.Results);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Single(_lab.Runs());
        Assert.Equal(before, Entries());
    }

    [Fact]
    public async Task ExitRecordAndLogFile_AreWritten()
    {
        var log = Path.Combine(_lab.Dir, "job.log");
        var record = Path.Combine(_lab.Dir, "exit.json");

        var result = await Run("--n", "10", "--no-perf", "--experiments", "kepler_solver", "--log-file", log, "--exit-record", record);

        Assert.Equal(0, result.ExitCode);
        var logLines = File.ReadAllLines(log);
        Assert.StartsWith("[RUN] start", logLines[0], StringComparison.Ordinal);
        Assert.StartsWith("[RUN] finish status=completed", logLines[^1], StringComparison.Ordinal);
        var json = File.ReadAllText(record);
        Assert.Contains("\"status\": \"completed\"", json, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(Assert.Single(_lab.Runs())), json, StringComparison.Ordinal);
    }
}
