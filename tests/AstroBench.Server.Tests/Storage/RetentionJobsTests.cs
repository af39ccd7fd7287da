using System.Net;
using System.Net.Http.Json;
using AstroBench.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Server.Tests.Storage;

/// <summary>Retention of job logs and job history, and the sweep that follows every finished job (real jobs).</summary>
public sealed class RetentionJobsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly Lab _lab;

    public RetentionJobsTests()
    {
        // A week between periodic sweeps: the clock moves 4 days here, so only the sweeps a test asks for run.
        _lab = new Lab(settings: new() { ["AstroBench:Retention:SweepIntervalMinutes"] = "10080" }, services: s => s.AddSingleton<TimeProvider>(_time));
    }

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    private async Task<string> RunJob()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 50, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        Assert.Equal("completed", (await _lab.WaitTerminal(id))["status"]!.GetValue<string>());
        return id;
    }

    private Task StartupSweepDone() => SweepsDone(1);

    private Task SweepsDone(int count) =>
        Eventually.True(() => _lab.Factory.Services.GetRequiredService<RetentionSweeper>().Sweeps >= count, $"{count} sweeps ran");

    [Fact]
    public async Task AFinishedJob_TriggersASweep_ThatKeepsOnlyTheNewestRun()
    {
        await StartupSweepDone();
        RetentionRuns.AddDaily(_lab.ResultsDir, 3);
        await _lab.Client.PutAsync("/api/retention", JsonContent.Create(new { keep_last = 1 }));

        var job = await RunJob();

        var runId = (await _lab.GetJson($"/api/benchmark/jobs/{job}"))["run_id"]!.GetValue<string>();
        await Eventually.True(() => _lab.RunFolders().SequenceEqual([runId]), "the sweep after the job removed the older runs");
    }

    [Fact]
    public async Task OldLogs_ThenOldJobs_AreRemoved_AndTheLogEndpointSaysSo()
    {
        await StartupSweepDone();
        var job = await RunJob();
        await SweepsDone(2); // the sweep that follows the job is over before the rules change
        var paths = new[] { ".log", ".stderr.log", ".exit.json" }.Select(e => Path.Combine(_lab.Root, "logs", job + e)).ToList();
        Assert.True(File.Exists(paths[0]));
        await _lab.Client.PutAsync("/api/retention", JsonContent.Create(new { logs_max_age_days = 1, jobs_max_age_days = 3 }));

        _time.Advance(TimeSpan.FromDays(2));
        var preview = await _lab.GetJson("/api/retention/preview");
        Assert.Equal([job], preview["logs"]!["job_ids"]!.AsArray().Select(j => j!.GetValue<string>()));
        Assert.Equal(0, preview["jobs"]!["count"]!.GetValue<int>());
        var (_, sweep) = await _lab.PostJson("/api/retention/sweep", null);
        Assert.Equal(preview["logs"]!["bytes"]!.GetValue<long>(), sweep!["logs"]!["bytes"]!.GetValue<long>());

        Assert.False(File.Exists(paths[0]));
        var row = await _lab.GetJson($"/api/benchmark/jobs/{job}");
        Assert.True(row["log_lines"]!.GetValue<long>() > 0);
        var page = await _lab.GetJson($"/api/benchmark/jobs/{job}/logs");
        Assert.True(page["log_removed"]!.GetValue<bool>());
        using (var plain = _lab.Factory.CreateClient())
        {
            var text = await plain.GetAsync($"/api/benchmark/jobs/{job}/logs");
            Assert.Equal("retention", Assert.Single(text.Headers.GetValues("X-AstroBench-Log-Removed")));
        }

        _time.Advance(TimeSpan.FromDays(2));
        var (_, second) = await _lab.PostJson("/api/retention/sweep", null);
        Assert.Equal([job], second!["jobs"]!["job_ids"]!.AsArray().Select(j => j!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await _lab.Client.GetAsync($"/api/benchmark/jobs/{job}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _lab.Client.GetAsync($"/api/benchmark/jobs/{job}/history")).StatusCode);
        Assert.All(paths, p => Assert.False(File.Exists(p), p));
        Assert.NotEmpty(_lab.RunFolders()); // job retention never touches runs
    }

    [Fact]
    public async Task MutatingRetentionEndpoints_NeedTheToken_WhenOneIsConfigured()
    {
        using var guarded = new Lab(settings: new() { ["AstroBench:Token"] = "s3cret" });
        RetentionRuns.AddDaily(guarded.ResultsDir, 1);
        var id = guarded.RunFolders()[0];

        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.Client.PutAsync("/api/retention", JsonContent.Create(new { keep_last = 1 }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.Client.PostAsync("/api/retention/sweep", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.Client.DeleteAsync("/api/retention")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.Client.DeleteAsync($"/api/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.Client.PostAsync($"/api/runs/{id}/pin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guarded.Client.PostAsync($"/api/runs/{id}/unpin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guarded.Client.GetAsync("/api/retention/preview")).StatusCode);
        Assert.Single(guarded.RunFolders());
        guarded.Dispose();
        guarded.DeleteRoot();
    }
}
