using System.Net;
using System.Text.RegularExpressions;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests;

/// <summary>Issue 3 test points 1–6 and 8a, through the HTTP API with the real orchestrator and adapters.</summary>
public sealed partial class JobLifecycleTests : IDisposable
{
    private readonly Lab _lab = new();

    public void Dispose()
    {
        _lab.Dispose();
        _lab.DeleteRoot();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(-\d+)?$")]
    private static partial Regex RunIdFormat();

    private int Pgid(string id) => _lab.Factory.Services.GetRequiredService<JobStore>().Get(id)!.Pgid!.Value;

    [Fact]
    public async Task NormalExecution_RunsToCompleted_AndRecordsRunFolder()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        Assert.Equal("queued", job["status"]!.GetValue<string>());
        var id = job["job_id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{12}$", id);

        var done = await _lab.WaitTerminal(id);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(0, done["exit_code"]!.GetValue<int>());
        Assert.Equal(100.0, done["progress"]!["percent"]!.GetValue<double>());
        var runId = done["run_id"]!.GetValue<string>();
        Assert.Matches(RunIdFormat(), runId);
        Assert.True(File.Exists(Path.Combine(_lab.ResultsDir, runId, "manifest.json")));
        var history = (await _lab.GetJson($"/api/benchmark/jobs/{id}/history")).AsArray().Select(h => h!["to"]!.GetValue<string>()).ToList();
        Assert.Equal(["queued", "starting", "running", "completed"], history);
        var logs = await _lab.GetJson($"/api/benchmark/jobs/{id}/logs");
        Assert.Contains(logs["lines"]!.AsArray(), l => l!.GetValue<string>().StartsWith("[RUN] finish status=completed", StringComparison.Ordinal));
        Assert.Equal(done["log_lines"]!.GetValue<long>(), logs["total"]!.GetValue<long>());
        var runs = await _lab.GetJson("/api/runs");
        Assert.Equal(runId, runs[0]!["id"]!.GetValue<string>());
        Assert.Empty(Procs.OfJob(id));
    }

    [Fact]
    public async Task FiftyConcurrentStarts_ExactlyOneWins_ThenANewStartSucceeds()
    {
        var body = new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true };
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _lab.PostJson("/api/benchmark/start", body)));
        Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(49, responses.Count(r => r.Response.StatusCode == HttpStatusCode.Conflict));
        var winner = responses.Single(r => r.Response.StatusCode == HttpStatusCode.OK).Body!["job_id"]!.GetValue<string>();
        Assert.All(responses.Where(r => r.Response.StatusCode == HttpStatusCode.Conflict),
            r => Assert.Equal(winner, r.Body!["active_job_id"]!.GetValue<string>()));

        Assert.Equal("completed", (await _lab.WaitTerminal(winner))["status"]!.GetValue<string>());
        var next = await _lab.Start(body);
        Assert.Equal("completed", (await _lab.WaitTerminal(next["job_id"]!.GetValue<string>()))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task QuickCancel_IsCancelledWithinGracePlusOneSecond_NoProcessNoFolder()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "slow" }, n = 10000 });
        var id = job["job_id"]!.GetValue<string>();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (cancel, body) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel?grace=2", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Contains(body!["status"]!.GetValue<string>(), new[] { "cancelling", "cancelled" });

        var done = await _lab.WaitTerminal(id, 10);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(3), $"took {sw.Elapsed}");
        Assert.NotNull(done["finished_at"]);
        Assert.Null(done["run_id"]);
        Assert.Empty(_lab.RunFolders());
        Assert.Empty(Procs.OfJob(id));
        var store = _lab.Factory.Services.GetRequiredService<JobStore>();
        if (store.Get(id)!.Pgid is { } pgid)
        {
            Assert.Empty(Procs.GroupMembers(pgid));
        }
        var lines = (await _lab.GetJson($"/api/benchmark/jobs/{id}/logs?tail=2"))["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.Equal(["Benchmark execution cancelled by user.", "__CANCELLED__"], lines);

        var next = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        Assert.Equal("completed", (await _lab.WaitTerminal(next["job_id"]!.GetValue<string>()))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MidRunCancel_AfterOneExperiment_PublishesNothing()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era", "kepler_solver", "frame_rotation_bpn" }, libraries = new[] { "slow" }, n = 200, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitFor(id, j => j["progress"]!["experiments_done"]!.GetValue<int>() >= 1, TimeSpan.FromSeconds(30));
        var pgid = Pgid(id);
        var (cancel, _) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel?wait=true", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var done = await _lab.WaitTerminal(id, 10);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Empty(Procs.GroupMembers(pgid));
        Assert.Empty(Procs.OfJob(id));
        Assert.Empty(_lab.RunFolders());
        var log = await File.ReadAllLinesAsync(Path.Combine(_lab.Root, "logs", id + ".log"));
        Assert.Contains("Benchmark execution cancelled by user.", log);
        Assert.Equal("__CANCELLED__", log[^1]);
        var history = (await _lab.GetJson($"/api/benchmark/jobs/{id}/history")).AsArray().Select(h => h!["to"]!.GetValue<string>()).ToList();
        Assert.Equal(["queued", "starting", "running", "cancelling", "cancelled"], history);
    }

    [Fact]
    public async Task ChildIgnoringSigterm_IsKilledAfterGrace()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "ignore_term" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitFor(id, j => j["progress"]!["current_step"]?.GetValue<string>() == "accuracy" && j["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        var pgid = Pgid(id);
        Assert.NotEmpty(Procs.OfJob(id));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (cancel, _) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel?grace=1&wait=true", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var done = await _lab.WaitTerminal(id, 10);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1 + 2), $"took {sw.Elapsed}");
        Assert.Empty(Procs.GroupMembers(pgid));
        Assert.Empty(Procs.OfJob(id));
    }

    [Fact]
    public async Task Kill_SkipsGrace_AndCancelOfFinishedJobIs409_UnknownIs404()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "ignore_term" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitFor(id, j => j["status"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(20));
        var (kill, _) = await _lab.PostJson($"/api/benchmark/jobs/{id}/kill?wait=true", null);
        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        var done = await _lab.WaitTerminal(id, 5);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Equal("killed by user", done["reason"]!.GetValue<string>());
        Assert.Empty(Procs.OfJob(id));

        Assert.Equal(HttpStatusCode.Conflict, (await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel", null)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _lab.PostJson("/api/benchmark/jobs/0123456789ab/cancel", null)).Response.StatusCode);
    }

    [Fact]
    public async Task TwoRunsInTheSameSecond_FromCliAndServer_GetDistinctFolders()
    {
        // Start both right after a second boundary so that they reserve their ids within the same second.
        while (DateTime.UtcNow.Millisecond > 20)
        {
            await Task.Delay(2);
        }
        var cli = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Lab.OrchestratorDll, "run", "--experiments", "gmst_era", "--libraries", "libnova", "--n", "100", "--no-perf", "--results-dir", _lab.ResultsDir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        var outTask = cli.StandardOutput.ReadToEndAsync();
        await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        await outTask;
        Assert.Equal(0, cli.ExitCode);
        var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var folders = _lab.RunFolders();
        Assert.Equal(2, folders.Length);
        Assert.Equal(2, folders.Distinct().Count());
        Assert.Contains(done["run_id"]!.GetValue<string>(), folders);
    }
}
