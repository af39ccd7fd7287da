using System.Text.Json.Nodes;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// Round scheduling end to end (docs/engine.md, "Rounds: interleaving and adaptive count"), over copies of the
/// <c>paced</c> fixture, which report chosen ns/op values: a reference and a steady candidate at 20 ns/op and a
/// noisy one alternating 10 and 30 ns/op (CV about 50 %, whatever this machine's speed).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunRoundsTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [Fact]
    public async Task RoundsInterleave_AndOnlyTheNoisyLibraryGetsExtraRounds_UpToItsMaximum_ThenItIsFlaggedAndNotRanked()
    {
        var folder = await RunAsync("--perf-budget", "3600");

        var reference = folder.Result("gmst_era", "pref").Performance!;
        var noisy = folder.Result("gmst_era", "pnoisy").Performance!;
        var steady = folder.Result("gmst_era", "psteady").Performance!;
        // Three planned cycles across reference, noisy, steady; then cycles of the noisy library alone.
        Assert.Equal([0, 3, 6], reference.RoundSequence!);
        Assert.Equal([1, 4, 7, 9, 10, 11], noisy.RoundSequence!);
        Assert.Equal([2, 5, 8], steady.RoundSequence!);
        Assert.Equal(("planned", "max_rounds", "planned"), (reference.RoundsStop, noisy.RoundsStop, steady.RoundsStop));
        Assert.Equal((3, 6, 6), (noisy.RoundsPlanned, noisy.RoundsMax, noisy.Rounds));

        Assert.False(noisy.Valid);
        Assert.StartsWith("unstable", noisy.InvalidReason, StringComparison.Ordinal);
        Assert.Null(noisy.SpeedupVsReference);
        Assert.Equal(1.0, steady.SpeedupVsReference);

        var rounds = folder.Manifest.Rounds!;
        Assert.Equal((3, 12, 3, 1), (rounds.Planned, rounds.RoundsDone, rounds.ExtraRounds, rounds.Unstable));
        Assert.Equal(2, rounds.Stopped["planned"]);
        Assert.Equal(1, rounds.Stopped["max_rounds"]);
        Assert.Equal(6, rounds.MaxRounds["pnoisy"]);
    }

    [Fact]
    public async Task ANoBudget_StopsTheNoisyLibraryAtItsPlannedRounds_WithReasonBudget()
    {
        var folder = await RunAsync("--perf-budget", "0");

        var noisy = folder.Result("gmst_era", "pnoisy").Performance!;
        Assert.Equal([1, 4, 7], noisy.RoundSequence!);
        Assert.Equal("budget", noisy.RoundsStop);
        Assert.False(noisy.Valid);
        Assert.Equal(0, folder.Manifest.Rounds!.ExtraRounds);
        Assert.Equal(1, folder.Manifest.Rounds.Stopped["budget"]);
    }

    private async Task<RunFolder> RunAsync(params string[] args)
    {
        var adapters = Directory.CreateDirectory(Path.Combine(_lab.Dir, "adapters")).FullName;
        PacedAdapters.Write(adapters, "pref", "reference", "20");
        PacedAdapters.Write(adapters, "pnoisy", "candidate", "10", "30");
        PacedAdapters.Write(adapters, "psteady", "candidate", "20");
        var state = Directory.CreateDirectory(Path.Combine(_lab.Dir, "paced")).FullName;
        using var run = CliProcess.Start(_lab.Dir,
            ["run", "--adapters-dir", adapters, "--experiments", "gmst_era", "--n", "20", "--perf-rounds", "3", "--max-perf-rounds", "6", .. args],
            new Dictionary<string, string> { ["ASTROBENCH_PACED_DIR"] = state });
        var result = await run.WaitAsync();
        Assert.True(result.ExitCode == 0, result.All);
        return new RunFolder(Assert.Single(_lab.Runs()));
    }
}
