using System.Diagnostics;
using System.Runtime.InteropServices;
using AstroBench.Cli.Tests.Infrastructure;

namespace AstroBench.Cli.Tests.Run;

/// <summary>SIGTERM/SIGINT mid-experiment: adapters stopped, staging deleted, no results folder, no process left.</summary>
[Collection(AdaptersCollection.Name)]
public sealed partial class RunSignalTests : IDisposable
{
    private readonly TempLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [Theory]
    [InlineData(15, 143)]
    [InlineData(2, 130)]
    public async Task Signal_MidExperiment_LeavesNoResultsAndNoProcess(int signal, int expectedExit)
    {
        var marker = "ABTEST_" + Guid.NewGuid().ToString("N");
        var log = Path.Combine(_lab.Dir, "run.log");
        using var run = CliProcess.Start(_lab.Dir,
            ["run", "--adapters-dir", Repo.Adapters, "--adapters-dir", Repo.Fixtures, "--experiments", "gmst_era,kepler_solver",
             "--libraries", "slow", "--n", "50", "--no-perf", "--log-file", log],
            new Dictionary<string, string> { ["ASTROBENCH_SLOW_SECONDS"] = "60", [marker] = "1" });

        // Wait until the reference has answered and the slow adapter is running mid-experiment.
        var watch = Stopwatch.StartNew();
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("erfa completed", StringComparison.Ordinal)))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the run never reached the slow adapter");
            await Task.Delay(50);
        }
        await Task.Delay(300);
        // astrobench, the slow adapter's shell and its sleep all carry the marker.
        Assert.True(ProcessTable.WithEnvironmentMarker(marker).Count >= 3, "the slow adapter is not running");

        Assert.Equal(0, Kill(run.Pid, signal));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(expectedExit, result.ExitCode);
        Assert.Contains("[RUN] finish status=cancelled", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Empty(_lab.Runs());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_lab.Results, ".staging")));
        Assert.Empty(ProcessTable.WithEnvironmentMarker(marker));
    }
}
