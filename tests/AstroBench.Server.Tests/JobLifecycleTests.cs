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
        // The gate holds the winner until every response is in, however long the 50 requests take.
        var body = new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 100, no_perf = true };
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _lab.PostJson("/api/benchmark/start", body)));
        Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(49, responses.Count(r => r.Response.StatusCode == HttpStatusCode.Conflict));
        var winner = responses.Single(r => r.Response.StatusCode == HttpStatusCode.OK).Body!["job_id"]!.GetValue<string>();
        Assert.All(responses.Where(r => r.Response.StatusCode == HttpStatusCode.Conflict),
            r => Assert.Equal(winner, r.Body!["active_job_id"]!.GetValue<string>()));

        _lab.Open("all");
        Assert.Equal("completed", (await _lab.WaitTerminal(winner))["status"]!.GetValue<string>());
        var next = await _lab.Start(body);
        Assert.Equal("completed", (await _lab.WaitTerminal(next["job_id"]!.GetValue<string>()))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task QuickCancel_RightAfterStart_GoesCancellingThenCancelled_NoProcessNoFolder()
    {
        // The gate is never opened: the job can only end by the cancel, on any machine.
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        var (cancel, body) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel?grace=2", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Contains(body!["status"]!.GetValue<string>(), new[] { "cancelling", "cancelled" });

        var done = await _lab.WaitTerminal(id);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        var history = await _lab.History(id);
        Assert.Equal("queued", history[0]);
        Assert.Equal(["cancelling", "cancelled"], history[^2..]);
        Assert.DoesNotContain("completed", history);
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
        var job = await _lab.Start(new { experiments = new[] { "gmst_era", "kepler_solver", "frame_rotation_bpn" }, libraries = new[] { "gate" }, n = 200, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        _lab.Open("gmst_era");
        await _lab.WaitHeld("kepler_solver"); // the first experiment is done, the second one is mid-call
        await _lab.WaitFor(id, j => j["progress"]!["experiments_done"]!.GetValue<int>() == 1);
        var pgid = Pgid(id);
        var (cancel, _) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel?wait=true", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var done = await _lab.WaitTerminal(id);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Empty(Procs.GroupMembers(pgid));
        Assert.Empty(Procs.OfJob(id));
        Assert.Empty(_lab.RunFolders());
        var log = await File.ReadAllLinesAsync(Path.Combine(_lab.Root, "logs", id + ".log"));
        Assert.Contains("Benchmark execution cancelled by user.", log);
        Assert.Equal("__CANCELLED__", log[^1]);
        Assert.Equal(["queued", "starting", "running", "cancelling", "cancelled"], await _lab.History(id));
    }

    [Fact]
    public async Task ChildIgnoringSigterm_IsKilled_GroupEmpty_CancellingThenCancelled()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "ignore_term" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        // The adapter's shell has set SIGTERM to "ignored" (SigIgn in /proc): from now on only SIGKILL ends it.
        var adapter = 0;
        await Eventually.True(() => (adapter = Procs.OfJob(id).FirstOrDefault(p => Procs.IgnoresSigterm(p) && Procs.CommandLine(p).Contains("adapter.sh", StringComparison.Ordinal))) != 0,
            "the ignore_term adapter is running with SIGTERM ignored");
        var pgid = Pgid(id);
        Assert.Equal("running", (await _lab.GetJson($"/api/benchmark/jobs/{id}"))["status"]!.GetValue<string>());

        var (cancel, _) = await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel?grace=1&wait=true", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var done = await _lab.WaitTerminal(id);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Equal(["queued", "starting", "running", "cancelling", "cancelled"], await _lab.History(id));
        Assert.False(Procs.IsAlive(adapter), "the adapter that ignores SIGTERM survived the cancel");
        Assert.Empty(Procs.GroupMembers(pgid));
        Assert.Empty(Procs.OfJob(id));
        Assert.Empty(_lab.RunFolders());
    }

    [Fact]
    public async Task Kill_SkipsGrace_AndCancelOfFinishedJobIs409_UnknownIs404()
    {
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "ignore_term" }, n = 100, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await _lab.WaitStatus(id, "running");
        var (kill, _) = await _lab.PostJson($"/api/benchmark/jobs/{id}/kill?wait=true", null);
        Assert.Equal(HttpStatusCode.OK, kill.StatusCode);
        var done = await _lab.WaitTerminal(id);
        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Equal("killed by user", done["reason"]!.GetValue<string>());
        Assert.Empty(Procs.OfJob(id));

        Assert.Equal(HttpStatusCode.Conflict, (await _lab.PostJson($"/api/benchmark/jobs/{id}/cancel", null)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _lab.PostJson("/api/benchmark/jobs/0123456789ab/cancel", null)).Response.StatusCode);
    }

    [Fact]
    public async Task RunsFromCliAndServer_WhenTheirSecondIsTaken_TakeTheNextSuffix_InDistinctFolders()
    {
        // Another process holds the id of every second in the next ten minutes (its O_EXCL lock in
        // .staging), so both runs, whenever they start and however slow this machine is, must find
        // their second taken and move on to a suffix, without stealing the lock or sharing a folder.
        // (Two reservations in literally the same second, on a fake clock: RunStagingTests.)
        var staging = Path.Combine(_lab.ResultsDir, ".staging");
        Directory.CreateDirectory(staging);
        var now = DateTimeOffset.UtcNow;
        var held = Enumerable.Range(-5, 605).Select(s => AstroBench.Core.Results.RunIds.Base(now.AddSeconds(s))).ToHashSet(StringComparer.Ordinal);
        foreach (var id in held)
        {
            File.WriteAllText(Path.Combine(staging, id + ".lock"), "");
        }

        var cli = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Lab.OrchestratorDll, "run", "--experiments", "gmst_era", "--libraries", "libnova", "--n", "100", "--no-perf", "--results-dir", _lab.ResultsDir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var job = await _lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "libnova" }, n = 100, no_perf = true });
        var outTask = cli.StandardOutput.ReadToEndAsync();
        var errTask = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        Assert.True(cli.ExitCode == 0, await outTask + await errTask);
        var done = await _lab.WaitTerminal(job["job_id"]!.GetValue<string>());
        Assert.Equal("completed", done["status"]!.GetValue<string>());

        var folders = _lab.RunFolders();
        Assert.Equal(2, folders.Length);
        Assert.Equal(2, folders.Distinct().Count());
        Assert.Contains(done["run_id"]!.GetValue<string>(), folders);
        Assert.All(folders, f =>
        {
            Assert.Matches(RunIdFormat(), f);
            Assert.Contains(f[..19], held);
            Assert.Matches(@"-[2-9]$", f);
        });
        Assert.All(held, id => Assert.True(File.Exists(Path.Combine(staging, id + ".lock")), $"the lock of {id} was taken away"));
    }
}
