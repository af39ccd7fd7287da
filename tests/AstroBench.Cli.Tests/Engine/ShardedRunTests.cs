using System.Text.Json;
using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Cli.Tests.Run;

namespace AstroBench.Cli.Tests.Engine;

/// <summary>
/// docs/engine.md, "Shards", through the real CLI and real adapters: a run whose large requests are split into shards
/// publishes the same run folder byte for byte as an unsharded and a sequential v1 run (<see cref="SameRun"/>), v1
/// adapters keep one call per experiment, and a failing shard fails its library's result as one call would, naming the
/// first failed shard in case order (tests/fixtures/adapters-v2/shardfail).
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class ShardedRunTests : IDisposable
{
    // Every library takes part (swisseph is the reference of the Sun and the Moon), sharded or not.
    private const string Experiments = "gmst_era,equ_ecl,equ_horizontal,frame_rotation_bpn,kepler_solver,solar_position,lunar_position,inv_equ_ecl";
    private readonly TempLab _lab = new();
    private readonly string _marker = "ABTEST_" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        ProcessTable.KillMarked(_marker);
        _lab.Dispose();
    }

    private async Task<(string Run, CliResult Result)> RunAsync(string name, params string[] args)
    {
        var results = Path.Combine(_lab.Dir, name);
        var result = await CliProcess.Start(_lab.Dir, ["run", "--n", "150", "--no-perf", "--no-cache", "--results-dir", results, .. args],
            new Dictionary<string, string> { [_marker] = "1" }).WaitAsync();
        Assert.True(result.ExitCode == 0, result.All);
        return (Assert.Single(Directory.GetDirectories(results), d => !Path.GetFileName(d).StartsWith('.')), result);
    }

    private static (int Calls, int Results) Counts(string run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        return (doc.RootElement.GetProperty("timing").GetProperty("adapter_calls").GetInt32(), doc.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task ShardedRun_PublishesTheSameRunFolderByteForByte_AsUnshardedAndSequentialRuns()
    {
        var (sequential, _) = await RunAsync("v1", "--experiments", Experiments, "--transport", "v1", "--jobs", "1");
        var (unsharded, _) = await RunAsync("whole", "--experiments", Experiments, "--jobs", "4", "--shard-rows", "0");
        var (sharded, log) = await RunAsync("sharded", "--experiments", Experiments, "--jobs", "4", "--shard-rows", "20");

        SameRun.AssertEquivalent(sequential, sharded, noPerf: true);
        SameRun.AssertEquivalent(unsharded, sharded, noPerf: true);
        // It was sharded: 150 cases in 7 shards of 21 or 22 for every library declaring independent cases, each shard one call.
        Assert.Contains(log.Lines, l => l.Contains("experiment=gmst_era step=accuracy", StringComparison.Ordinal)
            && l.Contains("| erfa completed in ", StringComparison.Ordinal) && l.EndsWith(" s (7 shards)", StringComparison.Ordinal));
        Assert.Equal(Counts(unsharded).Results, Counts(unsharded).Calls);
        Assert.True(Counts(sharded).Calls > Counts(unsharded).Calls, $"{Counts(sharded).Calls} calls sharded, {Counts(unsharded).Calls} not");
        // libnova reuses its last nutation within a request: it declares no independent cases and is never split.
        Assert.DoesNotContain(log.Lines, l => l.Contains("| libnova completed", StringComparison.Ordinal) && l.Contains("shards", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V1Transport_KeepsOneCallPerExperimentAndLibrary()
    {
        var (run, log) = await RunAsync("v1", "--experiments", "gmst_era,frame_rotation_bpn", "--transport", "v1", "--jobs", "4", "--shard-rows", "20");

        var (calls, results) = Counts(run);
        Assert.Equal(results, calls);
        Assert.DoesNotContain(log.Lines, l => l.Contains("shards)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingShard_FailsTheLibraryAsOneCall_NamingTheFirstFailedShard_WhicheverFailedFirst()
    {
        // 151 cases in shards of 51, 50, 50: shardfail crashes on the even ones and holds the odd one at a gate, so the
        // later shard 2 fails while shard 1 still runs. Shard 1 must be left to finish (only shards after a failed one are
        // stopped), and the failure reported is shard 2's whatever shard 3 did.
        var gates = Directory.CreateDirectory(Path.Combine(_lab.Dir, "gates")).FullName;
        using var cli = CliProcess.Start(_lab.Dir, ["run", "--n", "151", "--no-perf", "--no-cache", "--experiments", "gmst_era",
            "--libraries", "shardfail", "--jobs", "2", "--shard-rows", "50", "--adapters-dir", Repo.Adapters,
            "--adapters-dir", Path.Combine(Repo.Root, "tests", "fixtures", "adapters-v2"), "--results-dir", _lab.Results],
            new Dictionary<string, string> { ["ASTROBENCH_GATE_DIR"] = gates, [_marker] = "1" });

        await Eventually.True(() => File.Exists(Path.Combine(gates, "crashed-50")) && File.Exists(Path.Combine(gates, "waiting-51")),
            "shard 2 crashed while shard 1 waits at its gate");
        await File.WriteAllTextAsync(Path.Combine(gates, "open"), "");
        var result = await cli.WaitAsync();

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("gmst_era failed: shardfail non_zero_exit: shard 2 of 3 (cases 51–100): exit code 3 during a v2 request", error, StringComparison.Ordinal);
        Assert.Empty(_lab.Runs());
        await Eventually.True(() => ProcessTable.WithEnvironmentMarker(_marker).Count == 0, "no adapter process left behind");
    }
}
