using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AstroBench.Server.Tests.Slurm;

/// <summary>
/// Issue 12: the Slurm executor against the real one-node cluster (scripts/slurm-up.sh). The same guarantees as the local
/// executor: a run is published only when it completed, a cancel ends only once Slurm confirms the job is gone (no process of
/// it left, even one ignoring SIGTERM), a restarted server reattaches by the Slurm job id, and a job Slurm holds back shows queued.
/// </summary>
public sealed class SlurmExecutorTests : IDisposable
{
    internal static readonly Dictionary<string, string> SlurmLab = new()
    {
        ["AstroBench:Executor"] = "slurm",
        ["AstroBench:Slurm:PollMs"] = "100",
        ["AstroBench:CancelGraceSeconds"] = "1",
        // The start-up check has tests of its own (SlurmSharedRootCheckTests); here it would only make every lab start slower,
        // and a lab started while the node is held on purpose could not run it.
        ["AstroBench:Slurm:SharedRootCheck"] = "false",
    };

    public SlurmExecutorTests() => SlurmCluster.AssertUp();

    public void Dispose() => SlurmCluster.CancelTestJobs();

    [SlurmFact]
    public async Task ASlurmJob_Completes_PublishesItsRun_AndTheManifestNamesTheSlurmJobAndNode()
    {
        using var lab = new Lab(settings: SlurmLab);
        var job = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 50, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();

        var done = await lab.WaitTerminal(id);

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal("slurm", done["executor"]!.GetValue<string>());
        Assert.Equal("COMPLETED", done["slurm_state"]!.GetValue<string>());
        Assert.Equal(SlurmCluster.Hostname(), done["slurm_node"]!.GetValue<string>());
        var slurmId = done["slurm_job_id"]!.GetValue<long>();
        var runId = done["run_id"]!.GetValue<string>();
        Assert.Equal([runId], lab.RunFolders());
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(lab.ResultsDir, runId, "manifest.json")))!;
        Assert.Equal(slurmId.ToString(System.Globalization.CultureInfo.InvariantCulture), manifest["environment"]!["slurm_job_id"]!.GetValue<string>());
        Assert.Equal(SlurmCluster.Hostname(), manifest["environment"]!["slurm_node"]!.GetValue<string>());
        Assert.Contains("running", await lab.History(id));
        lab.DeleteRoot();
    }

    [SlurmFact]
    public async Task AFailingSlurmJob_FailsWithItsReason_AndPublishesNothing()
    {
        using var lab = new Lab(settings: SlurmLab);
        var job = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "no_such_library" }, n = 50, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();

        var done = await lab.WaitTerminal(id);

        Assert.Equal("failed", done["status"]!.GetValue<string>());
        Assert.Contains("no_such_library", done["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(done["slurm_job_id"]);
        Assert.Empty(lab.RunFolders());
        lab.DeleteRoot();
    }

    [SlurmFact]
    public async Task CancelMidRun_IsCancelledOnlyOnceSlurmEndedIt_NoProcessLeft_EvenOneIgnoringSigterm_NothingPublished()
    {
        using var lab = new Lab(settings: SlurmLab);
        var job = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "ignore_term" }, n = 10, no_perf = true });
        var id = job["job_id"]!.GetValue<string>();
        await lab.WaitStatus(id, "running");
        // The adapter that ignores SIGTERM is up (a process of the job on the node, found by its ASTROBENCH_JOB_ID).
        await Eventually.True(() => Procs.OfJob(id).Count >= 2, "the orchestrator and the ignore_term adapter run");

        var (response, _) = await lab.PostJson($"/api/benchmark/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await lab.WaitTerminal(id);

        Assert.Equal("cancelled", done["status"]!.GetValue<string>());
        Assert.Empty(Procs.OfJob(id));
        // Slurm's own word on the end: CANCELLED, or FAILED when the orchestrator exited on SIGTERM within the grace.
        Assert.Contains(SlurmState(lab, id), new[] { "CANCELLED", "FAILED" });
        Assert.Empty(lab.RunFolders());
        var history = await lab.History(id);
        Assert.Contains("running", history);
        Assert.Equal(["cancelling", "cancelled"], history[^2..]);
        lab.DeleteRoot();
    }

    [SlurmFact]
    public async Task AJobPendingWhileTheNodeIsBusy_ShowsQueuedWithSlurmsReason_ThenRuns()
    {
        var holder = SlurmCluster.HoldTheNode();
        try
        {
            await Eventually.True(() => SlurmCluster.State(holder) == "RUNNING", "the node holder runs");
            using var lab = new Lab(settings: SlurmLab);
            var job = await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "erfa" }, n = 50, no_perf = true });
            var id = job["job_id"]!.GetValue<string>();

            var pending = await lab.WaitFor(id, j => j["slurm_reason"]?.GetValue<string>() == "Resources");
            Assert.Equal("queued", pending["status"]!.GetValue<string>());
            Assert.Equal("PENDING", pending["slurm_state"]!.GetValue<string>());
            SeedContract.SeedShape.AssertMatches(Queue.QueueDocsTests.DocExample("slurm-job", "slurm.md"), pending);
            SlurmCluster.Cancel(holder);
            var done = await lab.WaitTerminal(id);

            Assert.Equal("completed", done["status"]!.GetValue<string>());
            Assert.Contains("running", await lab.History(id));
            lab.DeleteRoot();
        }
        finally
        {
            SlurmCluster.Cancel(holder);
        }
    }

    [SlurmFact]
    public async Task KillDashNineOfTheServer_WhileASlurmJobRuns_RestartReattachesByItsSlurmId_AndItCompletes()
    {
        var root = Directory.CreateTempSubdirectory("astrobench-server-test-").FullName;
        var port = RecoveryTests.FreePort();
        var server = RecoveryTests.StartServerProcess(root, port, SlurmLab);
        string id;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await RecoveryTests.WaitHealthy(http);
            var start = await http.PostAsJsonAsync("/api/benchmark/start",
                new { experiments = new[] { "gmst_era", "kepler_solver" }, libraries = new[] { "gate" }, n = 50, no_perf = true });
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            id = JsonNode.Parse(await start.Content.ReadAsStringAsync())!["job_id"]!.GetValue<string>();
            // Held mid-run by the gate: the job cannot finish before the server is killed.
            await Eventually.True(() => File.Exists(Path.Combine(root, "gates", "gmst_era.waiting")), "the gate call for gmst_era is held");
        }
        finally
        {
            server.Kill(); // SIGKILL: no shutdown code runs
            await server.WaitForExitAsync();
        }
        Assert.NotEmpty(Procs.OfJob(id)); // the Slurm job outlived the server

        using var lab = new Lab(root, SlurmLab);
        Assert.Equal("running", (await lab.GetJson($"/api/benchmark/jobs/{id}"))["status"]!.GetValue<string>());
        lab.Open("all"); // the job finishes under the restarted server only
        var done = await lab.WaitTerminal(id);

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal([done["run_id"]!.GetValue<string>()], lab.RunFolders());
        Assert.Empty(Procs.OfJob(id));
        lab.DeleteRoot();
    }

    [SlurmFact]
    public async Task ATimingJob_BesideARunningAccuracyJob_GoesToSlurmAtOnce_TheClusterSchedulesIt_NotTheLocalSlots()
    {
        using var lab = new Lab(settings: SlurmLab);
        var accuracy = (await lab.Start(new { experiments = new[] { "gmst_era" }, libraries = new[] { "gate" }, n = 10, no_perf = true }))["job_id"]!.GetValue<string>();
        await lab.WaitHeld("gmst_era");
        var (created, timing) = await lab.PostJson("/api/benchmark/jobs",
            new { experiments = new[] { "kepler_solver" }, libraries = new[] { "erfa" }, n = 10, perf_rounds = 1, ci_mode = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = timing!["job_id"]!.GetValue<string>();

        // Locally a timing job never starts beside an accuracy one; here it is submitted and waits in Slurm (--exclusive).
        var pending = await lab.WaitFor(id, j => j["slurm_job_id"] is not null && j["slurm_state"]?.GetValue<string>() == "PENDING");
        Assert.Equal("queued", pending["status"]!.GetValue<string>());
        lab.Open("all");
        Assert.Equal("completed", (await lab.WaitTerminal(accuracy))["status"]!.GetValue<string>());
        Assert.Equal("completed", (await lab.WaitTerminal(id))["status"]!.GetValue<string>());
        lab.DeleteRoot();
    }

    private static string? SlurmState(Lab lab, string id) => lab.Factory.Services.GetRequiredService<JobStore>().Get(id)!.Slurm?.State;
}
