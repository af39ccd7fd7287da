using System.Runtime.InteropServices;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>SIGTERM/SIGINT mid-experiment: adapters stopped, staging deleted, no results folder, no process left.</summary>
[Collection(AdaptersCollection.Name)]
public sealed partial class RunSignalTests : IDisposable
{
    private readonly TempLab _lab = new();
    private readonly string _marker = "ABTEST_" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        ProcessTable.KillMarked(_marker);
        _lab.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [Theory]
    [InlineData(15, 143)]
    [InlineData(2, 130)]
    public async Task Signal_MidExperiment_LeavesNoResultsAndNoProcess(int signal, int expectedExit)
    {
        var log = Path.Combine(_lab.Dir, "run.log");
        var gates = Directory.CreateDirectory(Path.Combine(_lab.Dir, "gates")).FullName;
        using var run = CliProcess.Start(_lab.Dir,
            ["run", "--adapters-dir", Repo.Adapters, "--adapters-dir", Repo.Fixtures, "--experiments", "gmst_era,kepler_solver",
             "--libraries", "gate", "--n", "50", "--no-perf", "--log-file", log],
            new Dictionary<string, string> { ["ASTROBENCH_GATE_DIR"] = gates, [_marker] = "1" });

        // The gate fixture writes this file once it has read its request and is held: mid-experiment, never opened.
        await Eventually.True(() => File.Exists(Path.Combine(gates, "gmst_era.waiting")), "the gate adapter is held in gmst_era");
        // The reference's call runs beside the gate's (docs/engine.md), so it may answer after the gate is held.
        await Eventually.True(() => File.ReadAllText(log).Contains("erfa completed", StringComparison.Ordinal), "the reference erfa answered gmst_era");
        // astrobench and the gate adapter's shell carry the marker (and the shell's short sleeps come and go).
        Assert.True(ProcessTable.WithEnvironmentMarker(_marker).Count >= 2, "the gate adapter is not running");

        Assert.Equal(0, Kill(run.Pid, signal));
        var result = await run.WaitAsync(Eventually.DefaultBound);

        Assert.Equal(expectedExit, result.ExitCode);
        Assert.Contains("[RUN] finish status=cancelled", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Empty(_lab.Runs());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_lab.Results, ".staging")));
        Assert.Empty(ProcessTable.WithEnvironmentMarker(_marker));
    }
}
