using System.Net;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.Storage;

/// <summary>
/// POST /api/benchmark/start answers 507 when free space minus the job's predicted size would fall below
/// AstroBench:MinFreeDiskMb, and creates nothing. The results folder is a real 64 MB tmpfs, so free space
/// is known and no other process on the machine moves it.
/// </summary>
public sealed class StorageRefusalTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("astrobench-storage-").FullName;
    private readonly TmpfsMount _disk;
    private readonly Lab _lab;

    // A job this big is predicted to need gigabytes whatever the bytes per case (every experiment, a million cases).
    private static readonly object Huge = new { experiments = new[] { "all" }, n = 1_000_000, no_perf = true };

    public StorageRefusalTests()
    {
        _disk = TmpfsMount.Create(Path.Combine(_root, "results"), 64L * 1024 * 1024);
        _lab = new Lab(_root, new() { ["AstroBench:MinFreeDiskMb"] = "32" });
    }

    public void Dispose()
    {
        _lab.Dispose();
        _disk.Dispose();
        _lab.DeleteRoot();
    }

    [Fact]
    public async Task Start_ThatWouldCrossTheThreshold_Is507WithADetail_AndCreatesNothing()
    {
        var small = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 10, no_perf = true });
        Assert.Equal("completed", (await _lab.WaitTerminal(small["job_id"]!.GetValue<string>()))["status"]!.GetValue<string>());

        var (response, body) = await _lab.PostJson("/api/benchmark/start", Huge);

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        var detail = body!["detail"]!.GetValue<string>();
        Assert.Contains("MB free on " + _lab.ResultsDir, detail, StringComparison.Ordinal);
        Assert.Contains("predicted to write", detail, StringComparison.Ordinal);
        Assert.Contains("32 MB must stay free (AstroBench:MinFreeDiskMb)", detail, StringComparison.Ordinal);
        Assert.True(body["predicted_bytes"]!.GetValue<long>() > body["free_bytes"]!.GetValue<long>());
        Assert.Single((await _lab.GetJson("/api/benchmark/jobs")).AsArray());
        Assert.Single(_lab.RunFolders());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_lab.ResultsDir, ".staging")));

        var estimate = await _lab.GetJson("/api/storage/estimate?n=1000000");
        Assert.True(estimate["would_refuse"]!.GetValue<bool>());
        Assert.Equal(detail, estimate["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_WhileBusy_StillAnswers409First()
    {
        var held = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 10, no_perf = true });
        var id = held["job_id"]!.GetValue<string>();
        await _lab.WaitHeld("gmst_era");

        var (response, body) = await _lab.PostJson("/api/benchmark/start", Huge);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(id, body!["active_job_id"]!.GetValue<string>());
        _lab.Open("all");
        Assert.Equal("completed", (await _lab.WaitTerminal(id))["status"]!.GetValue<string>());
    }
    [Fact]
    public async Task Enqueue_ThatWouldCrossTheThreshold_Is507_AndCreatesNothing()
    {
        var (response, body) = await _lab.PostJson("/api/benchmark/jobs", Huge);

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Contains("32 MB must stay free (AstroBench:MinFreeDiskMb)", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await _lab.GetJson("/api/benchmark/jobs")).AsArray());
    }

    [Fact]
    public async Task Dispatch_AfterTheDiskFilledUp_RefusesTheQueuedJob_WithItsReason_AndTheNextJobRuns()
    {
        await _lab.PostJson("/api/admin/drain", null);
        var (created, queued) = await _lab.PostJson("/api/benchmark/jobs", new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 10, no_perf = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = queued!["job_id"]!.GetValue<string>();
        var filler = Path.Combine(_lab.ResultsDir, "filler.bin");
        TmpfsMount.Fill(filler);

        await _lab.PostJson("/api/admin/undrain", null);
        var refused = await _lab.WaitTerminal(id);

        Assert.Equal(("failed", "insufficient_disk"), (refused["status"]!.GetValue<string>(), refused["reason"]!.GetValue<string>()));
        Assert.Null(refused["started_at"]);
        Assert.DoesNotContain("running", await _lab.History(id));
        var log = await File.ReadAllTextAsync(Path.Combine(_lab.Root, "logs", id + ".log"));
        Assert.Contains("Refused at dispatch: Not enough disk space for this job", log, StringComparison.Ordinal);
        Assert.Empty(_lab.RunFolders());

        File.Delete(filler);
        var next = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 10, no_perf = true });
        Assert.Equal("completed", (await _lab.WaitTerminal(next["job_id"]!.GetValue<string>()))["status"]!.GetValue<string>());
    }
}
