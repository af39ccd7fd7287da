using AstroBench.Cli.Tests.Infrastructure;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;

namespace AstroBench.Cli.Tests.Run;

/// <summary>
/// A run whose results file system fills up mid-way (a real 1 MB tmpfs; gmst_era at n = 100,000 writes
/// about 3 MB of cases) fails cleanly: exit 28, one error line, staging deleted, nothing published, and
/// an exit record (outside the full file system) saying <c>disk_full</c>.
/// </summary>
[Collection(AdaptersCollection.Name)]
public sealed class RunDiskFullTests : IDisposable
{
    private readonly TempLab _lab = new();
    private TmpfsMount? _disk;

    public void Dispose()
    {
        _disk?.Dispose();
        _lab.Dispose();
    }

    [Fact]
    public async Task FullResultsDisk_ExitsDiskFull_DeletesStaging_AndRecordsTheReason()
    {
        _disk = TmpfsMount.Create(_lab.Results, 1024 * 1024);
        var record = Path.Combine(_lab.Dir, "exit.json");
        var log = Path.Combine(_lab.Dir, "run.log");

        var result = await CliProcess.RunAsync(_lab.Dir, "run", "--adapters-dir", Repo.Adapters, "--experiments", "gmst_era",
            "--libraries", "erfa", "--no-perf", "--n", "100000", "--log-file", log, "--exit-record", record);

        Assert.Equal(28, result.ExitCode);
        var error = Assert.Single(result.Lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("disk_full: no space left", error, StringComparison.Ordinal);
        var exit = ExitRecordFile.TryRead(record);
        Assert.NotNull(exit);
        Assert.Equal((RunStatus.Failed, 28, null, SettleDecision.DiskFull), (exit.Status, exit.ExitCode, exit.RunId, exit.Reason));
        Assert.Empty(_lab.Runs());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_lab.Results, ".staging")));
        Assert.Contains(File.ReadLines(log), l => l.StartsWith("[RUN] finish status=failed", StringComparison.Ordinal));

        // The disk is usable again once the partial run is gone: a small run fits and is published.
        var small = await CliProcess.RunAsync(_lab.Dir, "run", "--adapters-dir", Repo.Adapters, "--experiments", "gmst_era",
            "--libraries", "erfa", "--no-perf", "--n", "100");
        Assert.True(small.ExitCode == 0, small.All);
        Assert.Single(_lab.Runs());
    }

    [Fact]
    public async Task NoRoomForTheStagingFolder_ExitsDiskFull_AndLeavesNoReservation()
    {
        // Inodes for the root, .staging and the id's lock file only: the reservation's mkdir fails with ENOSPC.
        _disk = TmpfsMount.Create(_lab.Results, 1024 * 1024, inodes: 3);
        var record = Path.Combine(_lab.Dir, "exit.json");

        var result = await CliProcess.RunAsync(_lab.Dir, "run", "--adapters-dir", Repo.Adapters, "--experiments", "gmst_era",
            "--libraries", "erfa", "--no-perf", "--n", "10", "--exit-record", record);

        Assert.True(result.ExitCode == 28, result.All);
        Assert.Equal(SettleDecision.DiskFull, ExitRecordFile.TryRead(record)?.Reason);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_lab.Results, ".staging")));
    }
}
