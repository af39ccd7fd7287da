using System.Text.Json.Nodes;
using AstroBench.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.Storage;

/// <summary>
/// A job whose results file system fills up mid-run (a real 8 MB tmpfs, filled by another writer while
/// the gate fixture holds the job, as a neighbour filling a shared disk would) ends failed with reason
/// disk_full: staging deleted, no run listed, the job store and its log intact, a disk.low event
/// appended, and the next job runs once there is room again.
/// </summary>
public sealed class DiskFullJobTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-diskfull-").FullName;
    private readonly TmpfsMount _disk;
    private readonly Lab _lab;

    public DiskFullJobTests()
    {
        _disk = TmpfsMount.Create(Path.Combine(_root, "results"), 8L * 1024 * 1024);
        _lab = new Lab(_root, new() { ["AstroBench:MinFreeDiskMb"] = "1", ["AstroBench:LowDiskWarnMb"] = "2" });
    }

    public void Dispose()
    {
        _lab.Dispose();
        _disk.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task JobOnAFullDisk_EndsFailedDiskFull_WithNothingCorrupt()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 2000, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitHeld("gmst_era");
        var ballast = Path.Combine(_lab.ResultsDir, "ballast");
        Assert.True(TmpfsMount.Fill(ballast) > 0);

        _lab.Open("all");
        var done = await _lab.WaitTerminal(id);

        Assert.Equal(("failed", "disk_full"), (done["status"]!.GetValue<string>(), done["reason"]!.GetValue<string>()));
        Assert.Equal(28, done["exit_code"]!.GetValue<int>());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_lab.ResultsDir, ".staging")));
        Assert.Empty((await _lab.GetJson("/api/runs")).AsArray());
        Assert.Equal("failed", (await _lab.History(id))[^1]);
        var log = await _lab.GetJson($"/api/benchmark/jobs/{id}/logs?from=0");
        Assert.Contains(log["lines"]!.AsArray(), l => l!.GetValue<string>().Contains("error: disk_full: no space left", StringComparison.Ordinal));
        var events = _lab.Factory.Services.GetRequiredService<LabEventLog>();
        await Eventually.True(() => events.ReadAfter(0).Any(e => e.Type == LabEventTypes.DiskLow), "a disk.low event after the job settled");
        var low = events.ReadAfter(0).First(e => e.Type == LabEventTypes.DiskLow).PayloadObject();
        Assert.Equal(_lab.ResultsDir, low["results_dir"]!.GetValue<string>());
        Assert.Equal(2L * 1024 * 1024, low["threshold_bytes"]!.GetValue<long>());

        File.Delete(ballast);
        var next = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 100, no_perf = true });
        var nextDone = await _lab.WaitTerminal(next["job_id"]!.GetValue<string>());
        Assert.Equal("completed", nextDone["status"]!.GetValue<string>());
        Assert.Equal([nextDone["run_id"]!.GetValue<string>()], (await _lab.GetJson("/api/runs")).AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }
}
