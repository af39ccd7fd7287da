using System.Net;
using System.Text.Json.Nodes;
using AstroBench.Core.Adapters;
using AstroBench.Core.Running;
using AstroBench.Core.Storage;

namespace AstroBench.Server.Tests.Storage;

/// <summary>GET /api/storage and /api/storage/estimate against a lab with real runs, logs and job store.</summary>
public sealed class StorageApiTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    private async Task<JsonNode> RunSmallJob(int n)
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n, no_perf = true });
        var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        return done;
    }

    [Fact]
    public async Task Storage_ReportsEveryRunNewestFirst_LogsPerJob_TheDatabase_AndTheFileSystem()
    {
        var first = await RunSmallJob(30);
        var second = await RunSmallJob(60);
        var jobIds = new[] { first, second }.Select(j => j["job_id"]!.GetValue<string>()).ToList();

        long LogBytes(string id) => Directory.GetFiles(Path.Combine(_lab.Root, "logs"), id + ".*").Sum(f => new FileInfo(f).Length);
        JsonNode s = null!;
        // The settle writes the last log lines just after the terminal status; wait for the files to agree.
        await Eventually.True(async () =>
        {
            s = await _lab.GetJson("/api/storage");
            return jobIds.All(id => s["logs"]!.AsArray().Any(l => l!["job_id"]!.GetValue<string>() == id && l["bytes"]!.GetValue<long>() == LogBytes(id)));
        }, "the storage report's log sizes match the files");

        Assert.Equal(_lab.ResultsDir, s["results_dir"]!.GetValue<string>());
        var runs = s["runs"]!.AsArray();
        Assert.Equal([second["run_id"]!.GetValue<string>(), first["run_id"]!.GetValue<string>()], runs.Select(r => r!["run_id"]!.GetValue<string>()));
        foreach (var run in runs)
        {
            var usage = DirectoryUsage.Measure(Path.Combine(_lab.ResultsDir, run!["run_id"]!.GetValue<string>()));
            Assert.Equal((usage.Bytes, usage.Files), (run["bytes"]!.GetValue<long>(), run["files"]!.GetValue<long>()));
        }
        Assert.Equal(2, s["runs_count"]!.GetValue<int>());
        Assert.Equal(runs.Sum(r => r!["bytes"]!.GetValue<long>()), s["runs_bytes"]!.GetValue<long>());
        Assert.Equal(2, s["logs_count"]!.GetValue<int>());
        Assert.Equal(jobIds.Sum(LogBytes), s["logs_bytes"]!.GetValue<long>());
        var db = Directory.GetFiles(_lab.Root, "astrobench-jobs.db*").Sum(f => new FileInfo(f).Length);
        Assert.True(s["database_bytes"]!.GetValue<long>() > 0 && s["database_bytes"]!.GetValue<long>() <= db + 1024 * 1024);
        Assert.Equal(s["runs_bytes"]!.GetValue<long>() + s["logs_bytes"]!.GetValue<long>() + s["database_bytes"]!.GetValue<long>(),
            s["total_bytes"]!.GetValue<long>());
        Assert.Equal(new DriveInfo(_lab.ResultsDir).TotalSize, s["capacity_bytes"]!.GetValue<long>());
        Assert.InRange(s["free_bytes"]!.GetValue<long>(), 1, s["capacity_bytes"]!.GetValue<long>());
        Assert.Equal((512, 1024), (s["min_free_disk_mb"]!.GetValue<long>(), s["low_disk_warn_mb"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Estimate_WithoutHistory_UsesTheDefault_AndResolvesAllExperimentsLikeTheOrchestrator()
    {
        var estimate = await _lab.GetJson("/api/storage/estimate?n=1000");

        // The orchestrator's own resolution over the adapters this lab's server runs with.
        var dirs = new[] { Path.Combine(Lab.RepoRoot, "adapters"), Path.Combine(Lab.RepoRoot, "tests", "fixtures", "adapters") };
        var plan = RunPlan.Resolve(new RunOptions { Experiments = ["all"], ResultsDir = _lab.ResultsDir, AdapterDirs = dirs }, AdapterRegistry.Load(dirs));
        var results = plan.Experiments.Sum(e => e.AllLibraries.Count());
        Assert.Equal("default", estimate["basis"]!.GetValue<string>());
        Assert.Equal(JobSizePredictor.DefaultBytesPerCase, estimate["bytes_per_case"]!.GetValue<double>());
        Assert.Equal((long)Math.Ceiling(1000d * results * JobSizePredictor.DefaultBytesPerCase), estimate["predicted_bytes"]!.GetValue<long>());
        Assert.False(estimate["would_refuse"]!.GetValue<bool>());
        Assert.Null(estimate["detail"]);
        Assert.Equal(512, estimate["min_free_disk_mb"]!.GetValue<long>());
        Assert.True(estimate["free_bytes"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Estimate_WithHistory_UsesBytesPerCaseOfEarlierRuns()
    {
        var done = await RunSmallJob(200);
        var bytes = DirectoryUsage.Measure(Path.Combine(_lab.ResultsDir, done["run_id"]!.GetValue<string>())).Bytes;

        var estimate = await _lab.GetJson("/api/storage/estimate?n=5000&experiments=gmst_era,kepler_solver&libraries=erfa");

        Assert.Equal("history", estimate["basis"]!.GetValue<string>());
        Assert.Equal(bytes / 200d, estimate["bytes_per_case"]!.GetValue<double>(), 9);
        Assert.Equal((long)Math.Ceiling(5000 * 2 * (bytes / 200d)), estimate["predicted_bytes"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("n=0", "n")]
    [InlineData("n=10&experiments=nope", "experiments")]
    [InlineData("n=10&libraries=Bad!", "libraries")]
    public async Task Estimate_BadValues_Are422WithTheField(string query, string field)
    {
        var response = await _lab.Client.GetAsync("/api/storage/estimate?" + query);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(body["errors"]![field]);
    }

    [Fact]
    public async Task Estimate_ALibraryThatCannotRunHere_Is422WithTheOrchestratorsMessage()
    {
        var response = await _lab.Client.GetAsync("/api/storage/estimate?n=10&experiments=gmst_era&libraries=nolib");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("unknown library 'nolib'", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
